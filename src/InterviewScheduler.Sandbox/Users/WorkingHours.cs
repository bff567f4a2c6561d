namespace InterviewScheduler.Sandbox.Users;

/// <summary>
/// A person's working hours as Outlook keeps them: the same local start and end (start inclusive, end
/// exclusive, wall-clock times in <see cref="TimeZone"/>) on each of <see cref="DaysOfWeek"/>. Immutable.
/// </summary>
/// <param name="DaysOfWeek">The working days.</param>
/// <param name="Start">Local start of the working day.</param>
/// <param name="End">Local end of the working day; after <paramref name="Start"/>.</param>
/// <param name="TimeZone">IANA or Windows zone name, reported as given in <c>workingHours.timeZone.name</c>; with
/// <paramref name="CustomBiasMinutes"/>, the name of a custom zone Graph could not map (e.g. <c>Customized Time Zone</c>).</param>
/// <param name="CustomBiasMinutes">Set for a custom zone without daylight saving, reported as Graph's <c>customTimeZone</c>:
/// the Windows-style bias in minutes (UTC = local time + bias, so India is -330). Null for a named zone.</param>
public sealed record WorkingHours(IReadOnlyList<DayOfWeek> DaysOfWeek, TimeOnly Start, TimeOnly End, string TimeZone, int? CustomBiasMinutes = null)
{
    /// <summary>Monday to Friday in the given zone.</summary>
    public static WorkingHours Weekdays(TimeOnly start, TimeOnly end, string timeZone) =>
        new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], start, end, timeZone);
}
