using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Tests.Availability;

/// <summary>
/// The brute-force reference: walks the calendar one minute at a time and checks every hard rule
/// directly from the request (busy items, local wall-clock working hours, buffers, quorum, candidate,
/// notice, alignment, breaks, one day). Slow and obviously correct; everything is in whole minutes.
/// </summary>
internal sealed class MinuteOracle
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly AvailabilityRequest _request;
    private readonly DateTimeOffset _origin;
    private readonly Dictionary<string, (bool[] Working, bool[] Blocked)> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(int, DateTimeOffset), bool> _sessionFits = [];

    public MinuteOracle(AvailabilityRequest request, DateTimeOffset now)
    {
        _request = request;
        Earliest = Max(request.Window.Start, now + request.MinimumNotice);
        _origin = request.Window.Start.AddDays(-1);
        var minutes = (int)(request.Window.End.AddDays(1) - _origin).TotalMinutes;
        foreach (var person in request.Sessions.SelectMany(s => s.Interviewers))
        {
            if (_people.ContainsKey(person.Email))
            {
                continue;
            }

            var working = new bool[minutes];
            var blocked = new bool[minutes];
            for (var i = 0; i < minutes; i++)
            {
                working[i] = InWorkingHours(person.WorkingHours, _origin.AddMinutes(i));
            }

            // Paint every blocking item's minutes (whole-minute items; the tests generate nothing finer).
            foreach (var item in person.Busy.Where(b => Blocks(b.Status, request.TentativeBlocks)))
            {
                for (var minute = item.Time.Start; minute < item.Time.End; minute += Minute)
                {
                    var i = Index(minute);
                    if (i >= 0 && i < minutes)
                    {
                        blocked[i] = true;
                    }
                }
            }

            _people[person.Email] = (working, blocked);
        }
    }

    public DateTimeOffset Earliest { get; }

    /// <summary>The earliest valid first-session start, or null.</summary>
    public DateTimeOffset? EarliestStart()
    {
        for (var start = Earliest; start < _request.Window.End; start += Minute)
        {
            if (IsAligned(start) && LoopFits(start))
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>Every valid aligned first-session start, in order.</summary>
    public IEnumerable<DateTimeOffset> AllStarts()
    {
        for (var start = Earliest; start < _request.Window.End; start += Minute)
        {
            if (IsAligned(start) && LoopFits(start))
            {
                yield return start;
            }
        }
    }

    /// <summary>True when some placement of the later sessions works with the first at <paramref name="start"/>.</summary>
    public bool LoopFits(DateTimeOffset start) => start >= Earliest && Place(0, start, start);

    /// <summary>The first hard rule the option breaks, or null when it keeps them all.</summary>
    public string? Violation(SlotOption option)
    {
        var sessions = _request.Sessions;
        if (option.Sessions.Count != sessions.Count)
        {
            return "wrong number of sessions";
        }

        var first = option.Sessions[0].Time.Start;
        if (!IsAligned(first))
        {
            return "first session not aligned";
        }

        if (first < Earliest)
        {
            return "starts before the earliest allowed time";
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            var time = option.Sessions[i].Time;
            if (time.Duration != sessions[i].Duration)
            {
                return $"session {i} has the wrong duration";
            }

            if (!SessionFits(i, time.Start))
            {
                return $"session {i} breaks a hard rule";
            }

            if (i > 0)
            {
                var gap = time.Start - option.Sessions[i - 1].Time.End;
                if (gap < _request.MinimumBreak || gap > _request.MaximumBreak || (gap != _request.MinimumBreak && !IsAligned(time.Start)))
                {
                    return $"break before session {i} is {gap}";
                }
            }

            var expected = sessions[i].Interviewers.Where(p => !p.Optional || CanAttend(p, time.Start, time.End)).Select(p => p.Email);
            if (!expected.SequenceEqual(option.Sessions[i].Attendees))
            {
                return $"session {i} attendees differ";
            }
        }

        return SameDay(first, option.Sessions[^1].Time.End) ? null : "loop spans two days";
    }

    private bool Place(int index, DateTimeOffset start, DateTimeOffset first)
    {
        if (!SessionFits(index, start))
        {
            return false;
        }

        var end = start + _request.Sessions[index].Duration;
        if (!SameDay(first, end))
        {
            return false;
        }

        if (index == _request.Sessions.Count - 1)
        {
            return true;
        }

        for (var next = end + _request.MinimumBreak; next <= end + _request.MaximumBreak; next += Minute)
        {
            if ((next == end + _request.MinimumBreak || IsAligned(next)) && Place(index + 1, next, first))
            {
                return true;
            }
        }

        return false;
    }

    private bool SessionFits(int index, DateTimeOffset start)
    {
        if (_sessionFits.TryGetValue((index, start), out var known))
        {
            return known;
        }

        var session = _request.Sessions[index];
        var end = start + session.Duration;
        var fits = start >= Earliest
            && end <= _request.Window.End
            && session.Interviewers.Where(p => !p.Optional).All(p => CanAttend(p, start, end))
            && session.Interviewers.Count(p => p.Optional && CanAttend(p, start, end)) >= session.MinimumOptional
            && CandidateCanAttend(start, end);
        _sessionFits[(index, start)] = fits;
        return fits;
    }

    private bool CanAttend(Interviewer person, DateTimeOffset start, DateTimeOffset end)
    {
        var (working, blocked) = _people[person.Email];
        for (var minute = start; minute < end; minute += Minute)
        {
            if (!working[Index(minute)])
            {
                return false;
            }
        }

        for (var minute = start - _request.BufferBefore; minute < end + _request.BufferAfter; minute += Minute)
        {
            var i = Index(minute);
            if (i >= 0 && i < blocked.Length && blocked[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool CandidateCanAttend(DateTimeOffset start, DateTimeOffset end)
    {
        var candidate = _request.Candidate;
        for (var minute = start; minute < end; minute += Minute)
        {
            if (candidate.Windows is { } windows)
            {
                if (!windows.Any(w => w.Start <= minute && minute < w.End))
                {
                    return false;
                }
            }
            else if (candidate.Zone is { } zone)
            {
                var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(minute, zone).DateTime);
                if (local < candidate.DayStart || local >= candidate.DayEnd)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool SameDay(DateTimeOffset first, DateTimeOffset lastEnd)
    {
        var zone = _request.DayZone ?? _request.Candidate.Zone ?? TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(first, zone).Date == TimeZoneInfo.ConvertTime(lastEnd - Minute, zone).Date;
    }

    private static bool InWorkingHours(WorkingHours? hours, DateTimeOffset minute)
    {
        if (hours is null)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(minute, hours.Zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (hours.End > hours.Start)
        {
            return hours.Days.Contains(local.DayOfWeek) && time >= hours.Start && time < hours.End;
        }

        return (hours.Days.Contains(local.DayOfWeek) && time >= hours.Start) || (hours.Days.Contains(local.AddDays(-1).DayOfWeek) && time < hours.End);
    }

    private static bool Blocks(FreeBusyStatus status, bool tentativeBlocks) => status switch
    {
        FreeBusyStatus.Busy => true,
        FreeBusyStatus.Oof => true,
        FreeBusyStatus.Tentative => tentativeBlocks,
        FreeBusyStatus.Unknown => tentativeBlocks,
        FreeBusyStatus.Free => false,
        FreeBusyStatus.WorkingElsewhere => false,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private bool IsAligned(DateTimeOffset instant) => (instant - DateTimeOffset.UnixEpoch).Ticks % _request.Alignment.Ticks == 0;

    private int Index(DateTimeOffset minute) => (int)(minute - _origin).TotalMinutes;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
