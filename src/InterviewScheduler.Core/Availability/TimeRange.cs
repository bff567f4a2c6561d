namespace InterviewScheduler.Core.Availability;

/// <summary>
/// A span of time on the UTC time line: <see cref="Start"/> is inclusive, <see cref="End"/> is exclusive.
/// Both are stored as UTC (<see cref="DateTimeOffset.Offset"/> is zero whatever offset the caller used),
/// and <see cref="End"/> is never before <see cref="Start"/>; a range with equal ends is empty.
/// The default value is the empty range at <see cref="DateTimeOffset.MinValue"/>. Immutable.
/// </summary>
public readonly record struct TimeRange
{
    /// <summary>Creates the range [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The end of a time range must not be before its start ({start:O}).");
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>The first instant in the range (UTC, inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant after the range (UTC, exclusive).</summary>
    public DateTimeOffset End { get; }

    /// <summary>The length of the range; zero for an empty range.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True when the range contains no instant.</summary>
    public bool IsEmpty => End == Start;

    /// <summary>The range that starts at <paramref name="start"/> and lasts <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static TimeRange FromStart(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new TimeRange(start, start + duration);
    }

    /// <summary>True when <paramref name="instant"/> lies in [Start, End).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>True when every instant of <paramref name="other"/> lies in this range (an empty range inside or at the ends counts).</summary>
    public bool Contains(TimeRange other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two ranges share at least one instant; empty ranges overlap nothing.</summary>
    public bool Overlaps(TimeRange other) => other.Start < End && Start < other.End;

    /// <summary>The range as <c>[start, end)</c> in ISO 8601 UTC.</summary>
    public override string ToString() => $"[{Start:yyyy-MM-ddTHH:mm}Z, {End:yyyy-MM-ddTHH:mm}Z)";
}
