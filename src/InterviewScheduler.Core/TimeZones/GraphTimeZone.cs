namespace InterviewScheduler.Core.TimeZones;

/// <summary>
/// A time zone as Microsoft Graph reports it in <c>workingHours.timeZone</c>: a <see cref="Name"/> that is
/// an IANA or Windows id, or, for a <c>customTimeZone</c>, a name Graph could not map (such as
/// "Customized Time Zone" or "tzone://Microsoft/Custom") together with <see cref="BiasMinutes"/>.
/// The bias follows the Windows convention that Exchange actually sends: UTC = local time + bias, so
/// Pacific Standard Time is 480 and India 330 is -330 (Graph's documentation words the sign the other way;
/// the examples Exchange returns, e.g. 480 for US Pacific, follow Windows). Immutable.
/// </summary>
/// <param name="Name">The zone name from Graph.</param>
/// <param name="BiasMinutes">For a custom zone, the Windows-style bias in minutes; null otherwise.</param>
public readonly record struct GraphTimeZone(string Name, int? BiasMinutes = null);
