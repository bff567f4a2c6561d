using System.Globalization;
using System.Text.Json.Nodes;

namespace InterviewScheduler.Sandbox.Users;

/// <summary>Graph's <c>workingHours</c> resource on the wire.</summary>
internal static class WorkingHoursJson
{
    public static JsonObject Write(WorkingHours hours) => new()
    {
        ["daysOfWeek"] = new JsonArray([.. hours.DaysOfWeek.Select(d => (JsonNode)d.ToString().ToLowerInvariant())]),
        ["startTime"] = Time(hours.Start),
        ["endTime"] = Time(hours.End),
        ["timeZone"] = hours.CustomBiasMinutes is { } bias ? CustomZone(hours.TimeZone, bias) : new JsonObject { ["name"] = hours.TimeZone },
    };

    // Exchange's shape for a zone it cannot name: the bias, and transitions whose zero month means "no daylight saving".
    private static JsonObject CustomZone(string name, int bias) => new()
    {
        ["@odata.type"] = "#microsoft.graph.customTimeZone",
        ["bias"] = bias,
        ["name"] = name,
        ["standardOffset"] = new JsonObject { ["time"] = "00:00:00.0000000", ["dayOccurrence"] = 0, ["dayOfWeek"] = "sunday", ["month"] = 0, ["year"] = 0 },
        ["daylightOffset"] = new JsonObject { ["daylightBias"] = 0, ["time"] = "00:00:00.0000000", ["dayOccurrence"] = 0, ["dayOfWeek"] = "sunday", ["month"] = 0, ["year"] = 0 },
    };

    private static string Time(TimeOnly time) => time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
