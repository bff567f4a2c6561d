namespace InterviewScheduler.Core.Availability;

/// <summary>Operations on sorted, disjoint, non-touching arrays of <see cref="TickRange"/> ("interval sets").</summary>
internal static class IntervalSet
{
    /// <summary>Sorts and merges overlapping or touching ranges into an interval set; empty ranges vanish. O(n log n).</summary>
    public static TickRange[] Normalize(List<TickRange> ranges)
    {
        ranges.RemoveAll(r => r.End <= r.Start);
        if (ranges.Count == 0)
        {
            return [];
        }

        ranges.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TickRange>(ranges.Count);
        var current = ranges[0];
        for (var i = 1; i < ranges.Count; i++)
        {
            var next = ranges[i];
            if (next.Start <= current.End)
            {
                current = current with { End = Math.Max(current.End, next.End) };
            }
            else
            {
                merged.Add(current);
                current = next;
            }
        }

        merged.Add(current);
        return [.. merged];
    }

    /// <summary>The parts of <paramref name="from"/> not covered by <paramref name="remove"/>. Linear two-pointer walk.</summary>
    public static TickRange[] Subtract(TickRange[] from, TickRange[] remove)
    {
        if (remove.Length == 0)
        {
            return from;
        }

        var result = new List<TickRange>(from.Length + remove.Length);
        var j = 0;
        foreach (var range in from)
        {
            var cursor = range.Start;
            while (j < remove.Length && remove[j].End <= cursor)
            {
                j++;
            }

            var k = j;
            while (k < remove.Length && remove[k].Start < range.End)
            {
                if (remove[k].Start > cursor)
                {
                    result.Add(new TickRange(cursor, remove[k].Start));
                }

                cursor = Math.Max(cursor, remove[k].End);
                k++;
            }

            if (cursor < range.End)
            {
                result.Add(new TickRange(cursor, range.End));
            }
        }

        return [.. result];
    }

    /// <summary>
    /// The set of instants s such that [s, s + duration) lies inside one range of <paramref name="set"/>:
    /// each range [a, b) at least <paramref name="duration"/> long gives the starts [a, b - duration].
    /// Returned half-open as [a, b - duration + 1 tick).
    /// </summary>
    public static TickRange[] Starts(TickRange[] set, long duration)
    {
        var result = new List<TickRange>(set.Length);
        foreach (var range in set)
        {
            if (range.Length >= duration)
            {
                result.Add(new TickRange(range.Start, range.End - duration + 1));
            }
        }

        return [.. result];
    }

    /// <summary>Index of the last range starting at or before <paramref name="instant"/>, or -1.</summary>
    public static int LastStartingAtOrBefore(TickRange[] set, long instant)
    {
        int lo = 0, hi = set.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (set[mid].Start <= instant)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>True when [start, end) lies inside one range of the set. O(log n).</summary>
    public static bool Covers(TickRange[] set, long start, long end)
    {
        var i = LastStartingAtOrBefore(set, start);
        return i >= 0 && set[i].End >= end;
    }

    /// <summary>True when <paramref name="instant"/> lies in a range of the set. O(log n).</summary>
    public static bool Contains(TickRange[] set, long instant)
    {
        var i = LastStartingAtOrBefore(set, instant);
        return i >= 0 && set[i].End > instant;
    }

    /// <summary>True when [start, end) shares an instant with the set. O(log n).</summary>
    public static bool Overlaps(TickRange[] set, long start, long end)
    {
        if (end <= start)
        {
            return false;
        }

        var i = LastStartingAtOrBefore(set, end - 1);
        return i >= 0 && set[i].End > start;
    }

    /// <summary>The set clipped to [lo, hi).</summary>
    public static TickRange[] Clip(TickRange[] set, long lo, long hi)
    {
        var result = new List<TickRange>(set.Length);
        foreach (var range in set)
        {
            var start = Math.Max(range.Start, lo);
            var end = Math.Min(range.End, hi);
            if (end > start)
            {
                result.Add(new TickRange(start, end));
            }
        }

        return [.. result];
    }
}
