using InterviewScheduler.Core.Availability;
using static InterviewScheduler.Core.Tests.Availability.Calendars;

namespace InterviewScheduler.Core.Tests.Availability;

public sealed class EdgeCaseTests
{
    [Fact]
    public void Zero_length_busy_items_block_nothing()
    {
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9, 10), At(0, 9, 10))));

        Assert.Equal(At(0, 9), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Overlapping_and_touching_busy_items_merge()
    {
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9), At(0, 10)), Busy(At(0, 9, 30), At(0, 11)), Busy(At(0, 11), At(0, 11, 15)), Busy(At(0, 9, 15), At(0, 9, 45))));

        Assert.Equal(At(0, 11, 15), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Busy_items_outside_the_window_are_ignored()
    {
        var request = Panel(Days(1, 1), Person("ana", Busy(At(0, 9), At(0, 17)), Busy(At(5, 9), At(5, 17))));

        Assert.Equal(At(1, 9), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Busy_item_straddling_the_window_start_still_blocks()
    {
        var request = Panel(new TimeRange(At(0, 10), At(1, 0)), Person("ana", Busy(At(0, 9), At(0, 11))));

        Assert.Equal(At(0, 11), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Interviewer_without_working_hours_is_limited_by_busy_items_only()
    {
        var room = new Interviewer("room@contoso.com", [Busy(At(0, 0), At(0, 6))]);

        var options = AvailabilityEngine.FindOptions(Panel(Days(0, 1), room), ClockAt());

        Assert.Equal(At(0, 6), options[0].Span.Start);
        Assert.DoesNotContain(options[0].Reasons, r => r.StartsWith("near", StringComparison.Ordinal));
    }

    [Fact]
    public void Window_shorter_than_the_duration_gives_no_options_and_no_error()
    {
        var request = Panel(new TimeRange(At(0, 10), At(0, 10, 30)), Person("ana"));

        Assert.Empty(AvailabilityEngine.FindOptions(request, ClockAt()));
    }

    [Fact]
    public void Window_entirely_in_the_past_gives_no_options()
    {
        Assert.Empty(AvailabilityEngine.FindOptions(Panel(Days(0, 1), Person("ana")), ClockAt(At(3, 0))));
    }

    [Fact]
    public void Weekend_has_no_options_for_weekday_workers()
    {
        Assert.Empty(AvailabilityEngine.FindOptions(Panel(Days(5, 2), Person("ana")), ClockAt()));
    }

    [Fact]
    public void Session_that_ends_exactly_at_the_window_end_fits()
    {
        var request = Panel(new TimeRange(At(0, 16, 15), At(0, 17)), Person("ana"));

        Assert.Equal(At(0, 16, 15), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Hundred_interviewers_with_one_common_free_hour()
    {
        // Each of 100 people is busy all day except 14:00-15:00, each with a slightly different extra meeting before.
        var people = Enumerable.Range(0, 100)
            .Select(i => Person($"p{i:D3}", Busy(At(0, 9), At(0, 14)), Busy(At(0, 15), At(0, 17)), Busy(At(0, 9, i % 60), At(0, 10, i % 60))))
            .ToArray();

        var options = AvailabilityEngine.FindOptions(Panel(Days(0, 1), people), ClockAt());

        Assert.Equal([At(0, 14), At(0, 14, 15)], options.Select(o => o.Span.Start));
        Assert.Equal(100, options[0].Sessions[0].Attendees.Count);
    }

    [Fact]
    public void Same_person_in_two_sessions_of_a_loop_is_one_calendar()
    {
        var ana = Person("ana", Busy(At(0, 9), At(0, 10)));
        var request = new AvailabilityRequest
        {
            Window = Days(0, 1),
            Sessions =
            [
                new PanelSession { Title = "One", Interviewers = [ana], Duration = TimeSpan.FromMinutes(30) },
                new PanelSession { Title = "Two", Interviewers = [ana, Person("ben")], Duration = TimeSpan.FromMinutes(30) },
            ],
        };

        var option = AvailabilityEngine.FindOptions(request, ClockAt())[0];

        Assert.Equal(At(0, 10), option.Sessions[0].Time.Start);
        Assert.Equal(["ana@contoso.com", "ben@contoso.com"], option.DebriefTeam);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-15)]
    public void Non_positive_duration_is_a_malformed_request(int minutes)
    {
        var request = AvailabilityRequest.ForPanel(Days(0, 1), [Person("ana")], TimeSpan.FromMinutes(minutes));

        var error = Assert.Throws<ArgumentException>(() => AvailabilityEngine.FindOptions(request, ClockAt()));
        Assert.Equal("Sessions", error.ParamName);
    }

    [Fact]
    public void Time_range_rejects_an_end_before_its_start_and_normalises_to_utc()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeRange(At(0, 10), At(0, 9)));
        var range = new TimeRange(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(2)), At(0, 9));
        Assert.Equal(TimeSpan.Zero, range.Start.Offset);
        Assert.Equal(At(0, 8), range.Start);
        Assert.False(range.Overlaps(new TimeRange(At(0, 9), At(0, 10))));
    }
}
