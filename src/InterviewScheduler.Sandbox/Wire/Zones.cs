using System.Globalization;
using TimeZoneConverter;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>
/// Time-zone names as Graph accepts them (IANA such as <c>Europe/London</c> or Windows such as
/// <c>GMT Standard Time</c>, plus <c>UTC</c>) and conversions between a zone's wall clock and UTC.
/// </summary>
internal static class Zones
{
    /// <summary>Graph's wire format for <c>dateTimeTimeZone.dateTime</c>: local wall-clock time, 7 fraction digits, no offset.</summary>
    public const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    public static bool TryFind(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var trimmed = name.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return TZConvert.TryGetTimeZoneInfo(trimmed, out zone!);
    }

    public static TimeZoneInfo FindOrUtc(string? name) => TryFind(name, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// Reads a wall-clock time in <paramref name="zone"/> as a UTC instant. DST decisions: a time in a
    /// spring-forward gap does not exist, so it is moved forward by the gap (02:30 becomes 03:30, as Outlook
    /// shows it); a time in a fall-back overlap happens twice, and the first occurrence (daylight offset) wins.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var shifted = unspecified.AddHours(1);
            return new DateTimeOffset(shifted, zone.GetUtcOffset(shifted)).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return new DateTimeOffset(unspecified, earliest).ToUniversalTime();
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The wall-clock time of a UTC instant in a zone.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public static string FormatLocal(DateTime local) => local.ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads Graph's <c>dateTime</c> text as an instant: a wall-clock time in <paramref name="zone"/>, or the
    /// instant itself when the text carries <c>Z</c> or an offset (some clients send one; the offset wins).
    /// </summary>
    public static bool TryParseInstant(string? text, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var timePart = text.Length > 10 ? text[10..] : string.Empty;
        var hasOffset = timePart.EndsWith('Z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal);
        if (hasOffset)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)) return false;
            utc = withOffset.ToUniversalTime();
            return true;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        utc = ToUtc(local, zone);
        return true;
    }
}
