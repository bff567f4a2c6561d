using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>
/// The zone in which a response reports times: the one named by <c>Prefer: outlook.timezone="…"</c> (IANA or
/// Windows name, echoed as given), else UTC. An unknown name falls back to UTC, as Graph does.
/// </summary>
internal sealed partial record PreferredZone(string Name, TimeZoneInfo Zone)
{
    public static readonly PreferredZone Utc = new("UTC", TimeZoneInfo.Utc);

    public static PreferredZone FromRequest(HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            var match = TimeZonePreference().Match(value ?? string.Empty);
            if (match.Success && Zones.TryFind(match.Groups[1].Value, out var zone))
            {
                request.HttpContext.Response.Headers.Append("Preference-Applied", $"outlook.timezone=\"{match.Groups[1].Value}\"");
                return new PreferredZone(match.Groups[1].Value, zone);
            }
        }

        return Utc;
    }

    /// <summary>Graph's <c>dateTimeTimeZone</c> for an instant, in this zone.</summary>
    public JsonObject Write(DateTimeOffset instant) => new()
    {
        ["dateTime"] = Zones.FormatLocal(Zones.ToLocal(instant, Zone)),
        ["timeZone"] = Name,
    };

    [GeneratedRegex("outlook\\.timezone\\s*=\\s*\"([^\"]+)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeZonePreference();
}
