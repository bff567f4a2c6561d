using InterviewScheduler.Core.TimeZones;

namespace InterviewScheduler.Core.Availability;

/// <summary>
/// A person's working week in their own time zone: on each of <see cref="Days"/> they work from
/// <see cref="Start"/> to <see cref="End"/> local time (wall clock in <see cref="Zone"/>).
/// When <see cref="End"/> is at or before <see cref="Start"/> the working day ends on the next calendar
/// day (an overnight shift; 00:00 as the end means midnight). Each day becomes one UTC interval through
/// <see cref="LocalTimeMapping.ToInstantLeniently"/>: a start or end inside a spring-forward gap moves to
/// the first instant after the gap, an ambiguous one in a fall-back overlap takes the earlier instant.
/// Immutable.
/// </summary>
public sealed record WorkingHours
{
    /// <summary>Creates working hours; see the type summary for how the values are read.</summary>
    /// <exception cref="ArgumentException"><paramref name="days"/> is empty.</exception>
    public WorkingHours(IReadOnlySet<DayOfWeek> days, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(zone);
        if (days.Count == 0)
        {
            throw new ArgumentException("Working hours need at least one working day.", nameof(days));
        }

        Days = days;
        Start = start;
        End = end;
        Zone = zone;
        foreach (var day in days)
        {
            DayMask |= 1 << (int)day;
        }
    }

    /// <summary>Monday to Friday, <paramref name="start"/> to <paramref name="end"/> in <paramref name="zone"/>.</summary>
    public static WorkingHours Weekdays(TimeOnly start, TimeOnly end, TimeZoneInfo zone) =>
        new(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, start, end, zone);

    /// <summary>The local days of the week on which a working day starts.</summary>
    public IReadOnlySet<DayOfWeek> Days { get; }

    /// <summary>Local wall-clock time the working day starts.</summary>
    public TimeOnly Start { get; }

    /// <summary>Local wall-clock time the working day ends (exclusive); at or before <see cref="Start"/> means the next day.</summary>
    public TimeOnly End { get; }

    /// <summary>The person's time zone (resolve Graph's names with <see cref="TimeZoneResolver"/>).</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Bit <c>1 &lt;&lt; (int)day</c> is set for each working day; used as a cache key.</summary>
    internal int DayMask { get; }

    /// <summary>True when <paramref name="day"/> is a working day.</summary>
    internal bool WorksOn(DayOfWeek day) => (DayMask & (1 << (int)day)) != 0;
}
