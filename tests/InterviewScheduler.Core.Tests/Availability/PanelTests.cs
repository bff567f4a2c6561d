using InterviewScheduler.Core.Availability;
using static InterviewScheduler.Core.Tests.Availability.Calendars;

namespace InterviewScheduler.Core.Tests.Availability;

public sealed class PanelTests
{
    [Fact]
    public void Free_panel_gets_the_first_aligned_start_of_the_working_day()
    {
        var request = Panel(Days(0, 1), Person("ana"), Person("ben"));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 9), options[0].Span.Start);
        Assert.Equal(At(0, 9, 45), options[0].Span.End);
        Assert.Equal(["ana@contoso.com", "ben@contoso.com"], options[0].Sessions[0].Attendees);
        Assert.Contains("earliest", options[0].Reasons);
    }

    [Fact]
    public void Panel_of_three_skips_the_hour_one_member_is_busy()
    {
        var request = Panel(Days(0, 1), Person("ana"), Person("ben", Busy(At(0, 9), At(0, 10))), Person("cy"));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 10), options[0].Span.Start);
        Assert.All(options, o => Assert.False(o.Span.Overlaps(new TimeRange(At(0, 9), At(0, 10)))));
    }

    [Fact]
    public void Out_of_office_blocks_and_working_elsewhere_does_not()
    {
        var request = Panel(
            Days(0, 1),
            Person("ana", Busy(At(0, 9), At(0, 12), FreeBusyStatus.WorkingElsewhere)),
            Person("ben", Busy(At(0, 9), At(0, 9, 30), FreeBusyStatus.Oof)));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 9, 30), options[0].Span.Start);
    }

    [Fact]
    public void Tentative_blocks_by_default_and_only_ranks_lower_when_allowed()
    {
        var ana = Person("ana", Busy(At(0, 9), At(0, 10), FreeBusyStatus.Tentative));
        var blocking = Panel(Days(0, 1), ana);
        var allowed = blocking with { TentativeBlocks = false };

        var strict = AvailabilityEngine.FindOptions(blocking, ClockAt());
        var lenient = AvailabilityEngine.FindOptions(allowed, ClockAt());

        Assert.Equal(At(0, 10), strict[0].Span.Start);
        Assert.Equal(At(0, 9), lenient[0].Span.Start);
        Assert.Equal(1, lenient[0].TentativeOverlaps);
        Assert.Contains("1 tentative overlap", lenient[0].Reasons);
    }

    [Fact]
    public void Unknown_status_is_treated_like_tentative()
    {
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9), At(0, 10), FreeBusyStatus.Unknown)));

        Assert.Equal(At(0, 10), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
        Assert.Equal(At(0, 9), AvailabilityEngine.FindOptions(request with { TentativeBlocks = false }, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Nothing_starts_before_now_plus_the_minimum_notice_and_starts_stay_aligned()
    {
        var request = Panel(Days(0, 2), Person("ana")) with { MinimumNotice = TimeSpan.FromHours(2) };
        var clock = ClockAt(At(0, 10, 7));

        var options = AvailabilityEngine.FindOptions(request, clock);

        Assert.Equal(At(0, 12, 15), options[0].Span.Start);
        Assert.All(options, o => Assert.Equal(0, o.Span.Start.Minute % 15));
    }

    [Fact]
    public void Alignment_counts_from_the_top_of_the_utc_hour()
    {
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9), At(0, 9, 1)))) with { Alignment = TimeSpan.FromMinutes(20) };

        Assert.Equal(At(0, 9, 20), AvailabilityEngine.FindOptions(request, ClockAt())[0].Span.Start);
    }

    [Fact]
    public void Buffers_keep_clear_time_around_the_interview()
    {
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9), At(0, 10)), Busy(At(0, 11), At(0, 12)))) with
        {
            BufferBefore = TimeSpan.FromMinutes(10),
            BufferAfter = TimeSpan.FromMinutes(10),
        };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        // 10:00 has no buffer before; 10:15 + 45 min = 11:00 has no buffer after; 12:15 is the first fit.
        Assert.Equal(At(0, 12, 15), options[0].Span.Start);
    }

    [Fact]
    public void Quorum_needs_at_least_k_optional_interviewers_free()
    {
        var request = AvailabilityRequest.ForPanel(
            Days(0, 1),
            [Person("lead"), OptionalPerson("o1", Busy(At(0, 9), At(0, 11))), OptionalPerson("o2", Busy(At(0, 9), At(0, 10))), OptionalPerson("o3")],
            minimumOptional: 2);

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 10), options[0].Span.Start);
        Assert.Equal(["lead@contoso.com", "o2@contoso.com", "o3@contoso.com"], options[0].Sessions[0].Attendees);
        Assert.Equal(["o1@contoso.com"], options[0].Sessions[0].OptionalAbsent);
        Assert.Contains("2/3 optional attend", options[0].Reasons);
    }

    [Fact]
    public void Quorum_that_cannot_be_met_gives_no_options()
    {
        var request = AvailabilityRequest.ForPanel(
            Days(0, 1),
            [Person("lead"), OptionalPerson("o1", Busy(At(0, 0), At(1, 0))), OptionalPerson("o2")],
            minimumOptional: 2);

        Assert.Empty(AvailabilityEngine.FindOptions(request, ClockAt()));
    }

    [Fact]
    public void Quorum_larger_than_the_optional_list_is_a_malformed_request()
    {
        var request = AvailabilityRequest.ForPanel(Days(0, 1), [Person("lead"), OptionalPerson("o1")], minimumOptional: 2);

        Assert.Throws<ArgumentException>(() => AvailabilityEngine.FindOptions(request, ClockAt()));
    }

    [Fact]
    public void Candidate_windows_limit_the_options()
    {
        var request = Panel(Days(0, 2), Person("ana")) with
        {
            Candidate = CandidateAvailability.Within(new TimeRange(At(1, 14), At(1, 16))),
        };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(1, 14), options[0].Span.Start);
        Assert.All(options, o => Assert.True(new TimeRange(At(1, 14), At(1, 16)).Contains(o.Span)));
    }

    [Fact]
    public void Candidate_zone_without_windows_means_eight_to_eight_local()
    {
        // The interviewer has no working hours, so only the candidate's day in Kolkata (UTC+05:30) limits it.
        var request = Panel(Days(0, 1), new Interviewer("room@contoso.com", [])) with
        {
            Candidate = CandidateAvailability.InZone(Kolkata),
        };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 2, 30), options[0].Span.Start); // 08:00 IST
        Assert.All(options, o => Assert.True(o.Span.End <= At(0, 14, 30))); // 20:00 IST
    }

    [Fact]
    public void Debrief_right_after_is_reported_and_preferred_when_free()
    {
        // Ana is busy 09:45-10:15, so a 09:00 panel has a busy debrief; the day's second pick has a free one.
        var request = Panel(Days(0, 1), Person("ana", Busy(At(0, 9, 45), At(0, 10, 15))), Person("ben"));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 9), options[0].Span.Start);
        Assert.False(options[0].DebriefIsFree);
        Assert.Equal(new TimeRange(At(0, 9, 45), At(0, 10, 15)), options[0].Debrief);
        Assert.Contains("debrief-busy", options[0].Reasons);
        Assert.True(options[1].DebriefIsFree);
        Assert.Contains("debrief-free", options[1].Reasons);
        Assert.Equal(["ana@contoso.com", "ben@contoso.com"], options[0].DebriefTeam);
    }

    [Fact]
    public void Debrief_guest_joins_the_team_check()
    {
        var recruiter = new Interviewer("recruiter@contoso.com", [Busy(At(0, 9, 45), At(0, 10, 15))], NineToFive());
        var request = Panel(Days(0, 1), Person("ana")) with { DebriefGuests = [recruiter] };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.False(options[0].DebriefIsFree);
        Assert.Contains("recruiter@contoso.com", options[0].DebriefTeam);
    }

    [Fact]
    public void Options_spread_over_days_with_at_most_two_a_day()
    {
        var request = Panel(Days(0, 5), Person("ana"), Person("ben"));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(5, options.Count);
        Assert.Equal([1, 2, 3, 4, 5], options.Select(o => o.Rank));
        var perDay = options.GroupBy(o => o.Span.Start.Date).Select(g => g.Count()).ToArray();
        Assert.Equal([2, 2, 1], perDay);
        Assert.Equal(options.Select(o => o.Span.Start.Date).Order(), options.Select(o => o.Span.Start.Date));
    }

    [Fact]
    public void Within_a_day_times_away_from_the_working_day_edges_rank_first()
    {
        var request = Panel(Days(0, 2), Person("ana"), Person("ben"));

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal(At(0, 9), options[0].Span.Start);
        Assert.Contains("near start of day for ana@contoso.com", options[0].Reasons);
        Assert.Equal(At(0, 9, 30), options[1].Span.Start);
        Assert.Equal(At(1, 9, 30), options[2].Span.Start);
        Assert.DoesNotContain(options[1].Reasons, r => r.StartsWith("near", StringComparison.Ordinal));
    }

    [Fact]
    public void Per_day_limit_is_configurable()
    {
        var request = Panel(Days(0, 5), Person("ana")) with { MaxOptionsPerDay = 1, MaxOptions = 3 };

        var options = AvailabilityEngine.FindOptions(request, ClockAt());

        Assert.Equal([At(0, 9).Date, At(1, 9).Date, At(2, 9).Date], options.Select(o => o.Span.Start.Date));
    }

    [Fact]
    public void Team_check_reports_who_is_not_free()
    {
        var team = new[] { Person("ana", Busy(At(0, 10), At(0, 10, 30))), Person("ben"), new Interviewer("room@contoso.com", []) };

        Assert.Equal(["ana@contoso.com"], AvailabilityEngine.TeamConflicts(team, new TimeRange(At(0, 10), At(0, 11))));
        Assert.True(AvailabilityEngine.IsTeamFree(team, new TimeRange(At(0, 11), At(0, 11, 30))));
        Assert.Equal(["ana@contoso.com", "ben@contoso.com"], AvailabilityEngine.TeamConflicts(team, new TimeRange(At(0, 20), At(0, 20, 30))));
    }
}
