using System.Text.Json.Nodes;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>Reads Graph's <c>dateTimeTimeZone</c> (<c>{"dateTime":"2026-12-01T09:00:00.0000000","timeZone":"Europe/London"}</c>).</summary>
internal static class DateTimeTimeZone
{
    /// <summary>The instant and the zone name given, or an error message naming <paramref name="field"/>.</summary>
    public static (DateTimeOffset Instant, string ZoneName, string? Error) Read(JsonNode? node, string field)
    {
        if (node is not JsonObject) return (default, "UTC", $"'{field}' must be a dateTimeTimeZone object.");
        var zoneName = node.Str("timeZone");
        if (string.IsNullOrWhiteSpace(zoneName)) zoneName = "UTC";
        if (!Zones.TryFind(zoneName, out var zone)) return (default, zoneName, $"'{field}.timeZone' '{zoneName}' is not a known time zone.");
        if (!Zones.TryParseInstant(node.Str("dateTime"), zone, out var instant)) return (default, zoneName, $"'{field}.dateTime' is not a valid date and time.");
        return (instant, zoneName, null);
    }
}
