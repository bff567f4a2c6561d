using TimeZoneConverter;

namespace InterviewScheduler.Core.TimeZones;

/// <summary>
/// Resolves the zone names people and Graph use into <see cref="TimeZoneInfo"/>: IANA ids
/// ("Europe/London"), Windows ids ("GMT Standard Time", through TimeZoneConverter) and Graph's custom zones
/// (an unmappable name with a bias), which become fixed-offset zones. Unknown names throw
/// <see cref="UnknownTimeZoneException"/>.
/// </summary>
public static class TimeZoneResolver
{
    /// <summary>The zone for an IANA or Windows id.</summary>
    /// <exception cref="UnknownTimeZoneException">The id is neither.</exception>
    public static TimeZoneInfo Resolve(string zoneName) =>
        TryResolve(zoneName, out var zone) ? zone : throw new UnknownTimeZoneException(zoneName, nameof(zoneName));

    /// <summary>Tries an IANA or Windows id; false for anything else (including null or blank).</summary>
    public static bool TryResolve(string? zoneName, out TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(zoneName) && TZConvert.TryGetTimeZoneInfo(zoneName.Trim(), out var found))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>The IANA id for an IANA id (any case) or a Windows id; null when it is neither. Storage keeps IANA ids.</summary>
    public static string? IanaIdOf(string? zoneName)
    {
        if (string.IsNullOrWhiteSpace(zoneName)) return null;
        var name = zoneName.Trim();
        var iana = TZConvert.KnownIanaTimeZoneNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return iana ?? (TZConvert.TryWindowsToIana(name, out var mapped) ? mapped : null);
    }

    /// <summary>
    /// The zone for what Graph returned: the named zone when the name is a known IANA or Windows id
    /// (it keeps the zone's daylight-saving rules), otherwise a fixed-offset zone from the bias.
    /// </summary>
    /// <exception cref="UnknownTimeZoneException">The name is unknown and there is no bias.</exception>
    public static TimeZoneInfo Resolve(GraphTimeZone zone)
    {
        if (TryResolve(zone.Name, out var named))
        {
            return named;
        }

        if (zone.BiasMinutes is { } bias)
        {
            return FixedOffset(TimeSpan.FromMinutes(-bias), zone.Name);
        }

        throw new UnknownTimeZoneException(zone.Name, nameof(zone));
    }

    /// <summary>A zone that is always <paramref name="offset"/> ahead of UTC (negative: behind), with no daylight saving.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is beyond ±14 hours or not whole minutes.</exception>
    public static TimeZoneInfo FixedOffset(TimeSpan offset, string? name = null)
    {
        if (offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14) || offset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A fixed offset must be whole minutes within ±14 hours.");
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var label = $"UTC{sign}{offset.Duration():hh\\:mm}";
        var id = string.IsNullOrWhiteSpace(name) ? label : $"{name} ({label})";
        return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
    }
}
