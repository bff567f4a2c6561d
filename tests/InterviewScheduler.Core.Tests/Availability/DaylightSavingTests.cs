using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.TimeZones;
using Microsoft.Extensions.Time.Testing;
using static InterviewScheduler.Core.Tests.Availability.Calendars;

namespace InterviewScheduler.Core.Tests.Availability;

public sealed class DaylightSavingTests
{
    private static readonly HashSet<DayOfWeek> EveryDay = [.. Enum.GetValues<DayOfWeek>()];

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static AvailabilityRequest OnePerDay(TimeRange window, params Interviewer[] people) =>
        AvailabilityRequest.ForPanel(window, people) with { MaxOptionsPerDay = 1, MaxOptions = 20, EdgeMargin = TimeSpan.Zero };

    private static DateTimeOffset[] Starts(AvailabilityRequest request) =>
        [.. AvailabilityEngine.FindOptions(request, new FakeTimeProvider(request.Window.Start)).Select(o => o.Span.Start)];

    [Fact]
    public void London_nine_to_five_follows_the_clocks_going_back_on_25_october()
    {
        var ana = new Interviewer("ana@contoso.com", [], new WorkingHours(EveryDay, new(9, 0), new(17, 0), London));
        var window = new TimeRange(Utc(10, 24, 0), Utc(10, 27, 0));

        Assert.Equal([Utc(10, 24, 8), Utc(10, 25, 9), Utc(10, 26, 9)], Starts(OnePerDay(window, ana)));

        // The last 45-minute start: 16:15 BST is 15:15Z on Saturday, 16:15 GMT is 16:15Z on Sunday.
        var request = OnePerDay(window, ana);
        var clock = new FakeTimeProvider(window.Start);
        Assert.True(AvailabilityEngine.Evaluate(request, Utc(10, 24, 15, 15), clock).IsAvailable);
        Assert.False(AvailabilityEngine.Evaluate(request, Utc(10, 24, 15, 30), clock).IsAvailable);
        Assert.True(AvailabilityEngine.Evaluate(request, Utc(10, 25, 16, 15), clock).IsAvailable);
        Assert.False(AvailabilityEngine.Evaluate(request, Utc(10, 25, 16, 30), clock).IsAvailable);
    }

    [Fact]
    public void New_York_nine_to_five_follows_the_clocks_going_back_on_1_november()
    {
        var ben = new Interviewer("ben@contoso.com", [], new WorkingHours(EveryDay, new(9, 0), new(17, 0), NewYork));
        var window = new TimeRange(Utc(10, 31, 0), Utc(11, 3, 0));

        // 09:00 EDT is 13:00Z; from Sunday 1 November 09:00 EST is 14:00Z.
        Assert.Equal([Utc(10, 31, 13), Utc(11, 1, 14), Utc(11, 2, 14)], Starts(OnePerDay(window, ben)));
        var clock = new FakeTimeProvider(window.Start);
        Assert.True(AvailabilityEngine.Evaluate(OnePerDay(window, ben), Utc(11, 1, 21, 15), clock).IsAvailable);
        Assert.False(AvailabilityEngine.Evaluate(OnePerDay(window, ben), Utc(11, 1, 13, 45), clock).IsAvailable);
    }

    [Fact]
    public void Panel_across_London_New_York_and_Kolkata_shifts_when_only_some_clocks_change()
    {
        var panel = new[]
        {
            new Interviewer("ana@contoso.com", [], NineToFive(London)),
            new Interviewer("ben@contoso.com", [], NineToFive(NewYork)),
            new Interviewer("ravi@contoso.com", [], WorkingHours.Weekdays(new(11, 0), new(20, 0), Kolkata)),
        };
        var request = OnePerDay(new TimeRange(Utc(10, 22, 0), Utc(11, 4, 0)), panel) with { Sessions = [new PanelSession { Title = "Panel", Interviewers = panel, Duration = TimeSpan.FromMinutes(30) }] };

        var starts = Starts(request);

        // Common hours: London (08-16Z in BST, 09-17Z in GMT), New York (13-21Z in EDT, 14-22Z in EST),
        // Kolkata 05:30-14:30Z all year. Before 1 November that is 13:00-14:30Z; after, 14:00-14:30Z.
        Assert.Equal(
            [Utc(10, 22, 13), Utc(10, 23, 13), Utc(10, 26, 13), Utc(10, 27, 13), Utc(10, 28, 13), Utc(10, 29, 13), Utc(10, 30, 13), Utc(11, 2, 14), Utc(11, 3, 14)],
            starts);
    }

    [Fact]
    public void Working_hours_starting_inside_the_spring_gap_start_when_the_gap_ends()
    {
        // New York skips 02:00-03:00 on 8 March 2026. A 02:30-10:30 day starts at 03:00 EDT (07:00Z) that day.
        var night = new Interviewer("night@contoso.com", [], new WorkingHours(EveryDay, new(2, 30), new(10, 30), NewYork));
        var window = new TimeRange(Utc(3, 7, 0), Utc(3, 10, 0));

        Assert.Equal([Utc(3, 7, 7, 30), Utc(3, 8, 7), Utc(3, 9, 6, 30)], Starts(OnePerDay(window, night)));
        var clock = new FakeTimeProvider(window.Start);
        Assert.False(AvailabilityEngine.Evaluate(OnePerDay(window, night), Utc(3, 8, 6, 45), clock).IsAvailable);
    }

    [Fact]
    public void Local_time_in_a_gap_maps_to_the_first_instant_after_the_gap()
    {
        Assert.Equal(Utc(3, 29, 1), LocalTimeMapping.ToInstantLeniently(new DateTime(2026, 3, 29, 1, 30, 0), London));
        Assert.Equal(Utc(3, 29, 1), LocalTimeMapping.ToInstantLeniently(new DateTime(2026, 3, 29, 1, 0, 0), London));
        Assert.Equal(Utc(3, 8, 7), LocalTimeMapping.ToInstantLeniently(new DateTime(2026, 3, 8, 2, 59, 0), NewYork));
    }

    [Fact]
    public void Ambiguous_local_time_in_an_overlap_takes_the_earlier_instant()
    {
        Assert.Equal(Utc(10, 25, 0, 30), LocalTimeMapping.ToInstantLeniently(new DateTime(2026, 10, 25, 1, 30, 0), London));
        Assert.Equal(Utc(11, 1, 5, 30), LocalTimeMapping.ToInstantLeniently(new DateTime(2026, 11, 1, 1, 30, 0), NewYork));
        Assert.Equal(Utc(11, 1, 5, 0), LocalTimeMapping.ToInstantLeniently(new DateTime(2026, 11, 1, 1, 0, 0), NewYork));
    }

    [Fact]
    public void Working_hours_starting_in_the_fall_back_overlap_start_at_the_first_occurrence()
    {
        // 01:30 happens twice in London on 25 October; the working day starts at the first (00:30Z, BST).
        var early = new Interviewer("early@contoso.com", [], new WorkingHours(EveryDay, new(1, 30), new(9, 0), London));
        var window = new TimeRange(Utc(10, 25, 0), Utc(10, 26, 0));

        Assert.Equal(Utc(10, 25, 0, 30), Starts(OnePerDay(window, early))[0]);
    }

    [Fact]
    public void Overnight_working_hours_end_the_next_morning()
    {
        var nurse = new Interviewer("nights@contoso.com", [], new WorkingHours(new HashSet<DayOfWeek> { DayOfWeek.Monday }, new(22, 0), new(6, 0), TimeZoneInfo.Utc));
        var request = OnePerDay(new TimeRange(At(0, 0), At(2, 0)), nurse) with { MaxOptionsPerDay = 100, MaxOptions = 100, DayZone = TimeZoneInfo.Utc };

        var starts = Starts(request);

        Assert.Equal(At(0, 22), starts[0]);
        Assert.Equal(At(1, 5, 15), starts[^1]);
    }
}
