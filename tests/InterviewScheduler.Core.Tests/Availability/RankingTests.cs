using InterviewScheduler.Core.Availability;
using static InterviewScheduler.Core.Tests.Availability.Calendars;

namespace InterviewScheduler.Core.Tests.Availability;

public sealed class RankingTests
{
    [Fact]
    public void First_option_is_the_earliest_even_when_a_later_one_is_better()
    {
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9, 45), At(0, 10, 15), FreeBusyStatus.Busy)));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 9), options[0].Span.Start);
        Assert.False(options[0].DebriefIsFree);
        Assert.True(options[1].DebriefIsFree);
    }

    [Fact]
    public void Later_days_lead_with_the_slot_where_more_optional_interviewers_attend()
    {
        var request = AvailabilityRequest.ForPanel(Days(0, 2), [Person("lead"), OptionalPerson("opt", Busy(At(1, 9, 30), At(1, 10, 15)))]) with
        {
            EdgeMargin = TimeSpan.Zero,
            MaxOptionsPerDay = 1,
        };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal([At(0, 9), At(1, 10, 15)], options.Select(o => o.Span.Start));
        Assert.Contains("1/1 optional attend", options[1].Reasons);
    }

    [Fact]
    public void Later_days_lead_with_the_slot_with_fewer_tentative_overlaps()
    {
        var request = Panel(Days(0, 2), Person("ana", Busy(At(1, 9), At(1, 12), FreeBusyStatus.Tentative))) with
        {
            TentativeBlocks = false,
            EdgeMargin = TimeSpan.Zero,
            MaxOptionsPerDay = 1,
        };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal([At(0, 9), At(1, 12)], options.Select(o => o.Span.Start));
        Assert.Equal(0, options[1].TentativeOverlaps);
    }

    [Fact]
    public void Slot_at_the_end_of_the_working_day_says_so()
    {
        var result = AvailabilityEngine.Evaluate(Panel(Days(0, 1), Person("lead.engineer")), At(0, 16, 15), ClockAt());

        Assert.Contains("near end of day for lead.engineer@contoso.com", result.Option!.Reasons);
        Assert.Contains("debrief-busy", result.Option.Reasons);
    }

    [Fact]
    public void Team_check_can_ignore_tentative_items()
    {
        var team = new[] { Person("ana", Busy(At(0, 10), At(0, 11), FreeBusyStatus.Tentative)) };
        var time = new TimeRange(At(0, 10), At(0, 10, 30));

        Assert.False(AvailabilityEngine.IsTeamFree(team, time));
        Assert.True(AvailabilityEngine.IsTeamFree(team, time, tentativeBlocks: false));
    }
}
