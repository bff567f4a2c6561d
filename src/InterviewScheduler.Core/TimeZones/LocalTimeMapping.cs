namespace InterviewScheduler.Core.TimeZones;

/// <summary>
/// Turns a local wall-clock time in a zone into one UTC instant, with a stated rule for the two cases
/// where the wall clock and the time line do not match one to one:
/// <list type="bullet">
/// <item>a local time inside a spring-forward gap (it never happens) maps to the first instant after the
/// gap, i.e. the transition itself: 01:30 in Europe/London on 2026-03-29 becomes 01:00Z (02:00 BST);</item>
/// <item>a local time inside a fall-back overlap (it happens twice) maps to the earlier of the two instants,
/// i.e. the offset before the transition: 01:30 in Europe/London on 2026-10-25 becomes 00:30Z (BST).</item>
/// </list>
/// The overlap rule matches NodaTime's <c>InZoneLeniently</c>; for a gap NodaTime shifts forward by the
/// gap's length instead, while we move to the end of the gap so a working day never starts later than the
/// first moment its wall clock exists.
/// </summary>
public static class LocalTimeMapping
{
    private static readonly long SearchSpan = TimeSpan.FromHours(40).Ticks;

    /// <summary>The UTC instant for <paramref name="local"/> (its <see cref="DateTime.Kind"/> is ignored) in <paramref name="zone"/>, by the rule above.</summary>
    public static DateTimeOffset ToInstantLeniently(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return FirstInstantAtOrAfter(local, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force before the clocks went back: the earlier instant.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var larger = offsets.Max();
            return new DateTimeOffset(local.Ticks - larger.Ticks, TimeSpan.Zero);
        }

        return new DateTimeOffset(local.Ticks - zone.GetUtcOffset(local).Ticks, TimeSpan.Zero);
    }

    /// <summary>The earliest UTC instant whose wall-clock reading in <paramref name="zone"/> is at or after <paramref name="local"/>.</summary>
    private static DateTimeOffset FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone)
    {
        // Binary search over UTC instants: around a gap, wall-clock time only moves forward, and no real
        // zone has a second transition within 40 hours of a gap.
        var lo = local.Ticks - SearchSpan;
        var hi = local.Ticks + SearchSpan;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (WallClock(mid, zone) >= local.Ticks)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return new DateTimeOffset(hi, TimeSpan.Zero);
    }

    private static long WallClock(long utcTicks, TimeZoneInfo zone) =>
        utcTicks + zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
