using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Tests.Interviews;

public sealed class PanelRequestValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero); // a Friday

    private static PanelSubmission Panel(int? minutes = null, WindowSubmission? window = null, int interviewers = 1) => new(
        [new SessionSubmission(null, minutes, null, [.. Enumerable.Range(0, interviewers).Select(i => new InterviewerSubmission($"p{i}@contoso.com", null))])],
        window, null, null, null);

    [Fact]
    public void Defaults_are_a_45_minute_interview_over_the_next_ten_working_days_with_five_options()
    {
        var (request, errors) = PanelRequestValidation.Validate(Panel(), Now);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromMinutes(45), request!.Sessions[0].Duration);
        Assert.Equal("Interview", request.Sessions[0].Title);
        Assert.Equal(5, request.MaxOptions);
        Assert.Equal(Now, request.Window.Start);
        // Ten weekdays after Friday 27 November: Monday 30 November to Friday 11 December, inclusive.
        Assert.Equal(new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.Zero), request.Window.End);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(241)]
    public void A_duration_outside_15_to_240_minutes_is_refused(int minutes)
    {
        var (_, errors) = PanelRequestValidation.Validate(Panel(minutes), Now);

        Assert.Contains("sessions[0].durationMinutes", errors.Keys);
    }

    [Fact]
    public void A_window_that_began_earlier_is_searched_from_now()
    {
        var (request, _) = PanelRequestValidation.Validate(Panel(window: new WindowSubmission(Now.AddDays(-1), Now.AddDays(3))), Now);

        Assert.Equal(Now, request!.Window.Start);
    }

    [Fact]
    public void A_window_over_sixty_days_is_refused() =>
        Assert.Contains("window", PanelRequestValidation.Validate(Panel(window: new WindowSubmission(Now, Now.AddDays(61))), Now).Errors.Keys);

    [Fact]
    public void A_hundred_interviewers_are_accepted_and_a_hundred_and_one_refused()
    {
        Assert.Empty(PanelRequestValidation.Validate(Panel(interviewers: 100), Now).Errors);
        Assert.Contains("sessions[0].interviewers", PanelRequestValidation.Validate(Panel(interviewers: 101), Now).Errors.Keys);
    }

    [Fact]
    public void The_guide_keeps_the_shape_of_a_45_minute_interview()
    {
        var agenda = InterviewGuide.Agenda(TimeSpan.FromMinutes(45));

        Assert.Equal([5, 20, 10, 5, 5], agenda.Select(a => a.Minutes));
        Assert.Equal(90, InterviewGuide.Agenda(TimeSpan.FromMinutes(90)).Sum(a => a.Minutes));
    }
}
