namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One person's time over the search horizon as UTC interval sets, built once per search in O(n log n):
/// working intervals, blocking items, tentative items that were allowed, and what is left to interview in.
/// </summary>
internal sealed class PersonCalendar
{
    private PersonCalendar(string email, bool hasWorkingHours, TickRange[] working, TickRange[] blocking, TickRange[] tentative, TickRange[] available)
    {
        Email = email;
        HasWorkingHours = hasWorkingHours;
        Working = working;
        Blocking = blocking;
        Tentative = tentative;
        Available = available;
    }

    public string Email { get; }

    /// <summary>False for a person without working hours: they are limited by busy items only.</summary>
    public bool HasWorkingHours { get; }

    /// <summary>Working intervals (the whole horizon when the person has no working hours).</summary>
    public TickRange[] Working { get; }

    /// <summary>Merged items that block under the request's tentative policy, without buffers.</summary>
    public TickRange[] Blocking { get; }

    /// <summary>Merged tentative items that do not block (empty when tentative blocks).</summary>
    public TickRange[] Tentative { get; }

    /// <summary>Working intervals minus blocking items widened by the buffers: where a session may lie.</summary>
    public TickRange[] Available { get; }

    /// <summary>Builds the calendar over [from, to).</summary>
    /// <param name="person">The interviewer.</param>
    /// <param name="from">Horizon start, UTC ticks.</param>
    /// <param name="to">Horizon end, UTC ticks.</param>
    /// <param name="tentativeBlocks">Whether tentative and unknown items block.</param>
    /// <param name="bufferBefore">Free time needed before a session, ticks.</param>
    /// <param name="bufferAfter">Free time needed after a session, ticks.</param>
    /// <param name="workingCache">Working-hours conversions shared by people with the same hours and zone.</param>
    public static PersonCalendar Build(
        Interviewer person, long from, long to, bool tentativeBlocks, long bufferBefore, long bufferAfter,
        Dictionary<(string Zone, int Days, TimeOnly Start, TimeOnly End), TickRange[]> workingCache)
    {
        TickRange[] working;
        if (person.WorkingHours is { } hours)
        {
            var key = (hours.Zone.Id, hours.DayMask, hours.Start, hours.End);
            if (!workingCache.TryGetValue(key, out working!))
            {
                working = WorkingTime.ToUtc(hours, from, to);
                workingCache[key] = working;
            }
        }
        else
        {
            working = [new TickRange(from, to)];
        }

        var blocking = new List<TickRange>();
        var widened = new List<TickRange>();
        var tentative = new List<TickRange>();
        foreach (var item in person.Busy)
        {
            var start = item.Time.Start.UtcTicks;
            var end = item.Time.End.UtcTicks;
            if (end <= start || end + bufferBefore <= from || start - bufferAfter >= to)
            {
                continue;
            }

            if (item.Blocks(tentativeBlocks))
            {
                blocking.Add(new TickRange(start, end));

                // A session [s, e) needs [s - before, e + after) clear: the same as keeping the session
                // out of the item widened by "after" on the left and "before" on the right.
                widened.Add(new TickRange(start - bufferAfter, end + bufferBefore));
            }
            else if (item.IsTentative)
            {
                tentative.Add(new TickRange(start, end));
            }
        }

        var blockingSet = IntervalSet.Normalize(blocking);
        var widenedSet = bufferBefore == 0 && bufferAfter == 0 ? blockingSet : IntervalSet.Normalize(widened);
        return new PersonCalendar(
            person.Email,
            person.WorkingHours is not null,
            working,
            blockingSet,
            IntervalSet.Normalize(tentative),
            IntervalSet.Subtract(working, widenedSet));
    }

    /// <summary>True when a session [start, end) fits: inside working hours, clear of blocking items and buffers.</summary>
    public bool CanAttend(long start, long end) => IntervalSet.Covers(Available, start, end);

    /// <summary>True when [start, end) is inside working hours and clear of blocking items (no buffers): the debrief check.</summary>
    public bool IsFree(long start, long end) => IntervalSet.Covers(Working, start, end) && !IntervalSet.Overlaps(Blocking, start, end);

    /// <summary>True when [start, end) overlaps a tentative item that was allowed.</summary>
    public bool HasTentativeOverlap(long start, long end) => IntervalSet.Overlaps(Tentative, start, end);

    /// <summary>Whether [start, end) begins within <paramref name="margin"/> of the start of the working day, or ends within it of the end.</summary>
    public (bool NearStart, bool NearEnd) NearEdges(long start, long end, long margin)
    {
        if (!HasWorkingHours || margin == 0)
        {
            return (false, false);
        }

        var i = IntervalSet.LastStartingAtOrBefore(Working, start);
        if (i < 0 || Working[i].End < end)
        {
            return (false, false);
        }

        return (start - Working[i].Start < margin, Working[i].End - end < margin);
    }

    /// <summary>Why a session [start, end) does not fit, or null when it does.</summary>
    public string? WhyNot(long start, long end)
    {
        if (CanAttend(start, end))
        {
            return null;
        }

        if (!IntervalSet.Covers(Working, start, end))
        {
            return $"{Email} is outside working hours";
        }

        return IntervalSet.Overlaps(Blocking, start, end)
            ? $"{Email} is busy"
            : $"{Email} has no room for the buffer around the session";
    }
}
