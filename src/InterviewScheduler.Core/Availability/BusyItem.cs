namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One item of a person's free/busy schedule: the UTC time it covers (start inclusive, end exclusive)
/// and how it shows the person. A zero-length item blocks nothing. Immutable.
/// </summary>
/// <param name="Time">The time the item covers, UTC.</param>
/// <param name="Status">How the item shows its owner; see <see cref="FreeBusyStatus"/> for what blocks.</param>
public readonly record struct BusyItem(TimeRange Time, FreeBusyStatus Status)
{
    /// <summary>A <see cref="FreeBusyStatus.Busy"/> item for [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static BusyItem Busy(DateTimeOffset start, DateTimeOffset end) => new(new TimeRange(start, end), FreeBusyStatus.Busy);

    /// <summary>True when this item blocks an interview under the given tentative policy.</summary>
    public bool Blocks(bool tentativeBlocks) => Status switch
    {
        FreeBusyStatus.Busy or FreeBusyStatus.Oof => true,
        FreeBusyStatus.Tentative or FreeBusyStatus.Unknown => tentativeBlocks,
        _ => false,
    };

    /// <summary>True for the statuses that are counted as tentative overlaps when they do not block.</summary>
    public bool IsTentative => Status is FreeBusyStatus.Tentative or FreeBusyStatus.Unknown;
}
