using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Core.Availability;

/// <summary>Turns local daily hours into UTC interval sets, day by day in the person's zone.</summary>
internal static class WorkingTime
{
    /// <summary>
    /// The UTC intervals of <paramref name="hours"/> that meet [from, to), clipped to it. Each local working
    /// day is mapped on its own with <see cref="LocalTimeMapping.ToInstantLeniently"/>, so a day keeps its
    /// local hours across a DST change (09:00–17:00 is 08:00Z–16:00Z in BST and 09:00Z–17:00Z in GMT).
    /// </summary>
    public static TickRange[] ToUtc(WorkingHours hours, long from, long to) =>
        Daily(hours.Zone, hours.Start, hours.End, hours.WorksOn, from, to);

    /// <summary>The same for every day of the week (the candidate's reasonable hours).</summary>
    public static TickRange[] EveryDay(TimeZoneInfo zone, TimeOnly start, TimeOnly end, long from, long to) =>
        Daily(zone, start, end, static _ => true, from, to);

    private static TickRange[] Daily(TimeZoneInfo zone, TimeOnly start, TimeOnly end, Func<DayOfWeek, bool> worksOn, long from, long to)
    {
        var ranges = new List<TickRange>();
        var firstDay = LocalDate(from, zone).AddDays(-1);
        var lastDay = LocalDate(to, zone).AddDays(1);
        var overnight = end <= start;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!worksOn(day.DayOfWeek))
            {
                continue;
            }

            var localStart = day.ToDateTime(start);
            var localEnd = (overnight ? day.AddDays(1) : day).ToDateTime(end);
            var utcStart = LocalTimeMapping.ToInstantLeniently(localStart, zone).UtcTicks;
            var utcEnd = LocalTimeMapping.ToInstantLeniently(localEnd, zone).UtcTicks;
            var clippedStart = Math.Max(utcStart, from);
            var clippedEnd = Math.Min(utcEnd, to);
            if (clippedEnd > clippedStart)
            {
                ranges.Add(new TickRange(clippedStart, clippedEnd));
            }
        }

        return IntervalSet.Normalize(ranges);
    }

    /// <summary>The local calendar date of a UTC instant in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(long utcTicks, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone).DateTime);

    /// <summary>The UTC span of the local calendar day containing <paramref name="utcTicks"/> in <paramref name="zone"/>.</summary>
    public static TickRange LocalDay(long utcTicks, TimeZoneInfo zone)
    {
        var date = LocalDate(utcTicks, zone);
        var start = LocalTimeMapping.ToInstantLeniently(date.ToDateTime(TimeOnly.MinValue), zone).UtcTicks;
        var end = LocalTimeMapping.ToInstantLeniently(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone).UtcTicks;
        return new TickRange(Math.Min(start, utcTicks), Math.Max(end, utcTicks + 1));
    }
}
