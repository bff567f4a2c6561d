using InterviewScheduler.Core.Availability;
using static InterviewScheduler.Core.Tests.Availability.Calendars;

namespace InterviewScheduler.Core.Tests.Availability;

public sealed class LoopTests
{
    private static PanelSession Session(string title, int minutes, params Interviewer[] interviewers) =>
        new() { Title = title, Duration = TimeSpan.FromMinutes(minutes), Interviewers = interviewers };

    private static AvailabilityRequest Loop(TimeRange window, params PanelSession[] sessions) => new() { Window = window, Sessions = sessions };

    [Fact]
    public void Loop_runs_back_to_back_when_everyone_is_free()
    {
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana")), Session("Design", 45, Person("ben")), Session("Values", 30, Person("cy")));

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal([At(0, 9), At(0, 10), At(0, 10, 45)], option.Sessions.Select(s => s.Time.Start));
        Assert.Equal(new TimeRange(At(0, 11, 15), At(0, 11, 45)), option.Debrief);
        Assert.Equal(["ana@contoso.com", "ben@contoso.com", "cy@contoso.com"], option.DebriefTeam);
    }

    [Fact]
    public void Loop_takes_a_break_within_the_allowed_range_when_the_next_panel_is_busy()
    {
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana")), Session("Design", 45, Person("ben", Busy(At(0, 10), At(0, 10, 20)))));

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal([At(0, 9), At(0, 10, 30)], option.Sessions.Select(s => s.Time.Start));
    }

    [Fact]
    public void Loop_does_not_start_when_the_break_would_exceed_the_maximum()
    {
        // Ben is busy 10:00-11:00, so a 09:00 start would need a 60-minute break; the loop starts later instead.
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana")), Session("Design", 45, Person("ben", Busy(At(0, 10), At(0, 11)))));

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal(At(0, 9, 30), option.Sessions[0].Time.Start);
        Assert.Equal(At(0, 11), option.Sessions[1].Time.Start);
    }

    [Fact]
    public void Minimum_break_is_respected()
    {
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana")), Session("Design", 45, Person("ben"))) with { MinimumBreak = TimeSpan.FromMinutes(10) };

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal(At(0, 10, 10), option.Sessions[1].Time.Start);
    }

    [Fact]
    public void Loop_stays_on_one_day_in_the_day_zone()
    {
        // No working hours anywhere: without the one-day rule the loop could straddle midnight UTC.
        var request = new AvailabilityRequest
        {
            Window = new TimeRange(At(0, 23), At(2, 0)),
            Sessions = [Session("Coding", 60, new Interviewer("room1@contoso.com", [])), Session("Design", 60, new Interviewer("room2@contoso.com", []))],
        };

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal(At(1, 0), option.Sessions[0].Time.Start);
    }

    [Fact]
    public void Candidate_attends_every_session_of_the_loop()
    {
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana")), Session("Design", 60, Person("ben"))) with
        {
            Candidate = CandidateAvailability.Within(new TimeRange(At(0, 9), At(0, 10)), new TimeRange(At(0, 13), At(0, 15))),
        };

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal([At(0, 13), At(0, 14)], option.Sessions.Select(s => s.Time.Start));
    }

    [Fact]
    public void Evaluate_accepts_a_start_that_still_works()
    {
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana")), Session("Design", 45, Person("ben")));

        var result = AvailabilityEngine.Evaluate(request, At(0, 11), ClockAt());

        Assert.True(result.IsAvailable);
        Assert.Equal([At(0, 11), At(0, 12)], result.Option!.Sessions.Select(s => s.Time.Start));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Evaluate_explains_why_a_start_was_taken_meanwhile()
    {
        var request = Loop(Days(0, 1), Session("Coding", 60, Person("ana", Busy(At(0, 11), At(0, 11, 30)))), Session("Design", 45, Person("ben")));

        var result = AvailabilityEngine.Evaluate(request, At(0, 11), ClockAt());

        Assert.False(result.IsAvailable);
        Assert.Equal(["session 1 ('Coding'): ana@contoso.com is busy"], result.Problems);
    }

    [Fact]
    public void Evaluate_rejects_a_start_inside_the_minimum_notice()
    {
        var request = Panel(Days(0, 1), Person("ana")) with { MinimumNotice = TimeSpan.FromHours(4) };

        var result = AvailabilityEngine.Evaluate(request, At(0, 10), ClockAt(At(0, 8)));

        Assert.False(result.IsAvailable);
        Assert.StartsWith("starts before the earliest allowed time 2026-11-30T12:00Z", result.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_reports_outside_working_hours()
    {
        var result = AvailabilityEngine.Evaluate(Panel(Days(0, 1), Person("ana")), At(0, 16, 30), ClockAt());

        Assert.Equal(["the panel: ana@contoso.com is outside working hours"], result.Problems);
    }
}
