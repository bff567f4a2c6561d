using System.Globalization;

namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One search over one request at one "now". Building it does the O(n log n) work (per-person interval sets
/// and one sweep per session over all their boundaries); the queries then enumerate aligned starts only
/// inside the feasible start sets, and stop once enough days have been ranked.
/// </summary>
internal sealed class AvailabilitySearch
{
    private static readonly long AlignmentOrigin = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly AvailabilityRequest _request;
    private readonly SessionPlan[] _sessions;
    private readonly PersonCalendar[] _debriefGuests;
    private readonly TickRange[]? _candidate;
    private readonly TimeZoneInfo _dayZone;
    private readonly long _alignment;
    private readonly long _minimumBreak;
    private readonly long _maximumBreak;
    private readonly long _debrief;
    private readonly long _edgeMargin;
    private readonly long[] _current;
    private long[]? _best;
    private SlotQuality _bestQuality;

    public AvailabilitySearch(AvailabilityRequest request, DateTimeOffset now)
    {
        request.Validate();
        _request = request;
        Earliest = Math.Max(request.Window.Start.UtcTicks, (now + request.MinimumNotice).UtcTicks);
        WindowEnd = request.Window.End.UtcTicks;
        _alignment = request.Alignment.Ticks;
        _minimumBreak = request.MinimumBreak.Ticks;
        _maximumBreak = request.MaximumBreak.Ticks;
        _debrief = request.DebriefDuration.Ticks;
        _edgeMargin = request.EdgeMargin.Ticks;
        _dayZone = request.EffectiveDayZone;
        _current = new long[request.Sessions.Count];

        // Two days of margin keep whole working days (for edge distances) and the debrief inside the horizon.
        var margin = TimeSpan.FromDays(2).Ticks;
        var from = Math.Min(Earliest, WindowEnd) - request.BufferBefore.Ticks - margin;
        var to = WindowEnd + request.BufferAfter.Ticks + _debrief + margin;

        var workingCache = new Dictionary<(string, int, TimeOnly, TimeOnly), TickRange[]>();
        var calendars = new Dictionary<string, PersonCalendar>(StringComparer.OrdinalIgnoreCase);
        PersonCalendar CalendarOf(Interviewer person)
        {
            if (!calendars.TryGetValue(person.Email, out var calendar))
            {
                calendar = PersonCalendar.Build(person, from, to, request.TentativeBlocks, request.BufferBefore.Ticks, request.BufferAfter.Ticks, workingCache);
                calendars[person.Email] = calendar;
            }

            return calendar;
        }

        _candidate = CandidateSet(request.Candidate, from, to);
        _sessions = new SessionPlan[request.Sessions.Count];
        for (var i = 0; i < _sessions.Length; i++)
        {
            var session = request.Sessions[i];
            var required = session.Interviewers.Where(p => !p.Optional).Select(CalendarOf).ToArray();
            var optional = session.Interviewers.Where(p => p.Optional).Select(CalendarOf).ToArray();
            var duration = session.Duration.Ticks;
            var starts = FeasibleStarts(required, optional, session.MinimumOptional, _candidate, duration, Earliest, WindowEnd - duration + 1);
            _sessions[i] = new SessionPlan(session, duration, required, optional, starts);
        }

        _debriefGuests = [.. request.DebriefGuests.Select(p => PersonCalendar.Build(p, from, to, request.TentativeBlocks, 0, 0, workingCache))];
    }

    /// <summary>The first instant a session may start: the later of the window start and now plus notice (UTC ticks).</summary>
    public long Earliest { get; }

    /// <summary>The end of the search window (UTC ticks); every session ends by then.</summary>
    public long WindowEnd { get; }

    /// <summary>Ranked options: earliest day first, at most MaxOptionsPerDay a day, up to MaxOptions.</summary>
    public IReadOnlyList<SlotOption> FindOptions()
    {
        var picks = new List<Placement>();
        var day = new List<Placement>();
        var dayRange = new TickRange(long.MinValue, long.MinValue);
        foreach (var range in _sessions[0].Starts)
        {
            for (var start = AlignUp(range.Start); start < range.End; start += _alignment)
            {
                if (start >= dayRange.End)
                {
                    CloseDay(day, picks);
                    if (picks.Count >= _request.MaxOptions)
                    {
                        return Options(picks);
                    }

                    dayRange = WorkingTime.LocalDay(start, _dayZone);
                }

                if (BestCompletion(start, dayRange.End) is { } placement)
                {
                    day.Add(placement);
                }
            }
        }

        CloseDay(day, picks);
        return Options(picks);
    }

    /// <summary>The option that starts its first session at <paramref name="start"/> (aligned or not), or the problems that rule it out.</summary>
    public SlotEvaluation Evaluate(long start)
    {
        var problems = new List<string>();
        if (start < Earliest)
        {
            problems.Add($"starts before the earliest allowed time {Format(Earliest)} (search window start or now plus minimum notice)");
        }

        if (start < _request.Window.Start.UtcTicks || start + _sessions.Sum(s => s.Duration) + ((_sessions.Length - 1) * _minimumBreak) > WindowEnd)
        {
            problems.Add("does not fit inside the search window");
        }

        if (problems.Count == 0)
        {
            var dayRange = WorkingTime.LocalDay(start, _dayZone);
            if (BestCompletion(start, dayRange.End) is { } placement)
            {
                return new SlotEvaluation(BuildOption(placement, 1, earliest: false), []);
            }

            Diagnose(start, dayRange.End, problems);
        }

        return new SlotEvaluation(null, problems);
    }

    private void Diagnose(long start, long dayEnd, List<string> problems)
    {
        // Explain the back-to-back placement: the first session at the asked start, each later one at the minimum break.
        var at = start;
        for (var i = 0; i < _sessions.Length; i++)
        {
            var plan = _sessions[i];
            var end = at + plan.Duration;
            var label = _sessions.Length == 1 ? "the panel" : $"session {i + 1} ('{plan.Session.Title}')";
            if (end > dayEnd)
            {
                problems.Add($"{label} would not end on the same day");
                return;
            }

            foreach (var person in plan.Required)
            {
                if (person.WhyNot(at, end) is { } why)
                {
                    problems.Add($"{label}: {why}");
                }
            }

            var optionalFree = plan.Optional.Count(p => p.CanAttend(at, end));
            if (optionalFree < plan.Session.MinimumOptional)
            {
                problems.Add($"{label}: only {optionalFree} of the {plan.Session.MinimumOptional} optional interviewers needed are free");
            }

            if (_candidate is not null && !IntervalSet.Covers(_candidate, at, end))
            {
                problems.Add($"{label}: the candidate is not available");
            }

            if (problems.Count > 0)
            {
                return;
            }

            at = end + _minimumBreak;
        }

        problems.Add("no placement of the later sessions within the allowed breaks works");
    }

    /// <summary>The set of starts where every required person, the candidate and at least k optional people fit a session of the given duration.</summary>
    private static TickRange[] FeasibleStarts(PersonCalendar[] required, PersonCalendar[] optional, int minimumOptional, TickRange[]? candidate, long duration, long lo, long hi)
    {
        if (hi <= lo)
        {
            return [];
        }

        var requiredSets = required.Select(p => IntervalSet.Starts(p.Available, duration)).ToList();
        if (candidate is not null)
        {
            requiredSets.Add(IntervalSet.Starts(candidate, duration));
        }

        var optionalSets = minimumOptional > 0 ? optional.Select(p => IntervalSet.Starts(p.Available, duration)).ToList() : [];
        var count = (requiredSets.Sum(s => s.Length) + optionalSets.Sum(s => s.Length)) * 2;
        var ticks = new long[count];
        var kinds = new int[count];
        var n = 0;
        foreach (var set in requiredSets)
        {
            foreach (var range in set)
            {
                (ticks[n], kinds[n++]) = (range.Start, 1);
                (ticks[n], kinds[n++]) = (range.End, -1);
            }
        }

        foreach (var set in optionalSets)
        {
            foreach (var range in set)
            {
                (ticks[n], kinds[n++]) = (range.Start, 2);
                (ticks[n], kinds[n++]) = (range.End, -2);
            }
        }

        // The sweep: every person's start set is disjoint, so the counts at an instant are how many
        // required and optional people can start a session there.
        Array.Sort(ticks, kinds);
        var requiredCount = 0;
        var optionalCount = 0;
        var i = 0;
        void Apply(int kind)
        {
            switch (kind)
            {
                case 1: requiredCount++; break;
                case -1: requiredCount--; break;
                case 2: optionalCount++; break;
                default: optionalCount--; break;
            }
        }

        while (i < count && ticks[i] <= lo)
        {
            Apply(kinds[i++]);
        }

        var result = new List<TickRange>();
        long? openedAt = requiredCount == requiredSets.Count && optionalCount >= minimumOptional ? lo : null;
        while (i < count && ticks[i] < hi)
        {
            var at = ticks[i];
            while (i < count && ticks[i] == at)
            {
                Apply(kinds[i++]);
            }

            var feasible = requiredCount == requiredSets.Count && optionalCount >= minimumOptional;
            if (feasible && openedAt is null)
            {
                openedAt = at;
            }
            else if (!feasible && openedAt is { } opened)
            {
                result.Add(new TickRange(opened, at));
                openedAt = null;
            }
        }

        if (openedAt is { } stillOpen)
        {
            result.Add(new TickRange(stillOpen, hi));
        }

        return [.. result];
    }

    private static TickRange[]? CandidateSet(CandidateAvailability candidate, long from, long to)
    {
        if (candidate.Windows is { } windows)
        {
            return IntervalSet.Normalize([.. windows.Select(w => new TickRange(w.Start.UtcTicks, w.End.UtcTicks))]);
        }

        return candidate.Zone is { } zone ? WorkingTime.EveryDay(zone, candidate.DayStart, candidate.DayEnd, from, to) : null;
    }

    /// <summary>The best placement of all sessions with the first at <paramref name="start"/>, all ending by <paramref name="dayEnd"/>; null if none.</summary>
    private Placement? BestCompletion(long start, long dayEnd)
    {
        if (!IntervalSet.Contains(_sessions[0].Starts, start))
        {
            return null;
        }

        _best = null;
        Place(0, start, dayEnd);
        return _best is null ? null : new Placement(_best, _bestQuality);
    }

    private void Place(int index, long start, long dayEnd)
    {
        var end = start + _sessions[index].Duration;
        if (end > dayEnd)
        {
            return;
        }

        _current[index] = start;
        if (index == _sessions.Length - 1)
        {
            var quality = Score(_current);
            if (_best is null || quality.CompareTo(_bestQuality) < 0)
            {
                _best = (long[])_current.Clone();
                _bestQuality = quality;
            }

            return;
        }

        // The next session starts after the minimum break (back to back by default), or on any aligned
        // instant up to the maximum break.
        var next = _sessions[index + 1].Starts;
        var first = end + _minimumBreak;
        if (IntervalSet.Contains(next, first))
        {
            Place(index + 1, first, dayEnd);
        }

        for (var candidate = AlignUp(first + 1); candidate <= end + _maximumBreak; candidate += _alignment)
        {
            if (IntervalSet.Contains(next, candidate))
            {
                Place(index + 1, candidate, dayEnd);
            }
        }
    }

    private SlotQuality Score(long[] starts)
    {
        var tentative = 0;
        var optional = 0;
        var edges = 0;
        var lastEnd = starts[^1] + _sessions[^1].Duration;
        var debriefEnd = lastEnd + _debrief;
        var debriefFree = _debrief > 0;
        for (var i = 0; i < _sessions.Length; i++)
        {
            var plan = _sessions[i];
            var start = starts[i];
            var end = start + plan.Duration;
            foreach (var person in plan.Required)
            {
                ScoreAttendee(person, start, end);
            }

            foreach (var person in plan.Optional)
            {
                if (person.CanAttend(start, end))
                {
                    optional++;
                    ScoreAttendee(person, start, end);
                }
            }
        }

        foreach (var guest in _debriefGuests)
        {
            debriefFree = debriefFree && guest.IsFree(lastEnd, debriefEnd);
        }

        return new SlotQuality(debriefFree, tentative, optional, edges, starts[0], starts[^1]);

        void ScoreAttendee(PersonCalendar person, long start, long end)
        {
            tentative += person.HasTentativeOverlap(start, end) ? 1 : 0;
            var (nearStart, nearEnd) = person.NearEdges(start, end, _edgeMargin);
            edges += (nearStart ? 1 : 0) + (nearEnd ? 1 : 0);
            debriefFree = debriefFree && person.IsFree(lastEnd, debriefEnd);
        }
    }

    /// <summary>
    /// Picks a finished day's options: the very first option of the search is the earliest start (speed is
    /// the point); otherwise a day contributes its best starts by quality, earlier first among equals.
    /// </summary>
    private void CloseDay(List<Placement> day, List<Placement> picks)
    {
        if (day.Count == 0)
        {
            return;
        }

        var perDay = _request.MaxOptionsPerDay;
        IEnumerable<Placement> chosen = picks.Count == 0
            ? day.Take(1).Concat(day.Skip(1).OrderBy(p => p.Quality).Take(perDay - 1))
            : day.OrderBy(p => p.Quality).Take(perDay);
        picks.AddRange(chosen.Take(_request.MaxOptions - picks.Count));
        day.Clear();
    }

    private List<SlotOption> Options(List<Placement> picks) =>
        [.. picks.Select((p, i) => BuildOption(p, i + 1, earliest: i == 0))];

    private SlotOption BuildOption(Placement placement, int rank, bool earliest)
    {
        var starts = placement.Starts;
        var sessions = new List<ScheduledSession>(_sessions.Length);
        var team = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nearStart = new List<string>();
        var nearEnd = new List<string>();
        var tentative = 0;
        var optionalAttending = 0;
        var optionalInvited = 0;
        for (var i = 0; i < _sessions.Length; i++)
        {
            var plan = _sessions[i];
            var start = starts[i];
            var end = start + plan.Duration;
            var attendees = new List<string>();
            var absent = new List<string>();
            foreach (var person in plan.Session.Interviewers)
            {
                var calendar = person.Optional ? plan.Optional.First(c => string.Equals(c.Email, person.Email, StringComparison.OrdinalIgnoreCase))
                    : plan.Required.First(c => string.Equals(c.Email, person.Email, StringComparison.OrdinalIgnoreCase));
                if (person.Optional)
                {
                    optionalInvited++;
                    if (!calendar.CanAttend(start, end))
                    {
                        absent.Add(person.Email);
                        continue;
                    }

                    optionalAttending++;
                }

                attendees.Add(person.Email);
                tentative += calendar.HasTentativeOverlap(start, end) ? 1 : 0;
                var (isNearStart, isNearEnd) = calendar.NearEdges(start, end, _edgeMargin);
                if (isNearStart && !nearStart.Contains(person.Email, StringComparer.OrdinalIgnoreCase))
                {
                    nearStart.Add(person.Email);
                }

                if (isNearEnd && !nearEnd.Contains(person.Email, StringComparer.OrdinalIgnoreCase))
                {
                    nearEnd.Add(person.Email);
                }

                if (seen.Add(person.Email))
                {
                    team.Add(person.Email);
                }
            }

            sessions.Add(new ScheduledSession(plan.Session.Title, new TickRange(start, end).ToTimeRange(), attendees, absent));
        }

        foreach (var guest in _request.DebriefGuests)
        {
            if (seen.Add(guest.Email))
            {
                team.Add(guest.Email);
            }
        }

        var lastEnd = starts[^1] + _sessions[^1].Duration;
        TimeRange? debrief = _debrief > 0 ? new TickRange(lastEnd, lastEnd + _debrief).ToTimeRange() : null;
        var reasons = new List<string>();
        if (earliest)
        {
            reasons.Add("earliest");
        }

        if (debrief is not null)
        {
            reasons.Add(placement.Quality.DebriefFree ? "debrief-free" : "debrief-busy");
        }

        if (tentative > 0)
        {
            reasons.Add(tentative == 1 ? "1 tentative overlap" : $"{tentative} tentative overlaps");
        }

        if (optionalInvited > 0)
        {
            reasons.Add($"{optionalAttending}/{optionalInvited} optional attend");
        }

        reasons.AddRange(nearStart.Select(e => $"near start of day for {e}"));
        reasons.AddRange(nearEnd.Select(e => $"near end of day for {e}"));
        return new SlotOption
        {
            Rank = rank,
            Sessions = sessions,
            Debrief = debrief,
            DebriefTeam = team,
            DebriefIsFree = placement.Quality.DebriefFree,
            TentativeOverlaps = tentative,
            OptionalAttending = optionalAttending,
            OptionalInvited = optionalInvited,
            Reasons = reasons,
        };
    }

    private long AlignUp(long instant)
    {
        var remainder = (instant - AlignmentOrigin) % _alignment;
        if (remainder < 0)
        {
            remainder += _alignment;
        }

        return remainder == 0 ? instant : instant + (_alignment - remainder);
    }

    private static string Format(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private sealed record SessionPlan(PanelSession Session, long Duration, PersonCalendar[] Required, PersonCalendar[] Optional, TickRange[] Starts);

    private sealed record Placement(long[] Starts, SlotQuality Quality);
}
