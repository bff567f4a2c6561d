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
        ["timeZone"] = new JsonObject { ["name"] = hours.TimeZone },
    };

    private static string Time(TimeOnly time) => time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
