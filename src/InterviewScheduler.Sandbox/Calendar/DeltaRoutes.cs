using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>
/// Graph's <c>calendarView/delta</c>: a window's events page by page (<c>@odata.nextLink</c> with <c>$skiptoken</c>),
/// then an <c>@odata.deltaLink</c> with a <c>$deltatoken</c> that later returns only what changed.
/// </summary>
internal static partial class DeltaRoutes
{
    public static void Map(RouteGroupBuilder users, SandboxTenant tenant)
    {
        // The SDK calls the function as delta(); Graph's own links say delta.
        foreach (var path in new[] { "/{userId}/calendarView/delta", "/{userId}/calendarView/delta()", "/{userId}/calendar/calendarView/delta", "/{userId}/calendar/calendarView/delta()" })
        {
            users.MapGet(path, (HttpContext http, string userId) => Delta(http, tenant, userId));
        }
    }

    private static IResult Delta(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        var query = http.Request.Query;
        var pageSize = PageSize(http.Request);
        string? deltaToken = query["$deltatoken"], skipToken = query["$skiptoken"];

        CalendarDeltaPage? page;
        if (deltaToken is not null || skipToken is not null)
        {
            page = tenant.ContinueCalendarDelta(user.Address, deltaToken, skipToken, pageSize);
            if (page is null)
            {
                return GraphResults.Error(tenant.ExpiredDeltaTokenStatus, tenant.ExpiredDeltaTokenCode, "The sync state generation is not found. Start a new sync without a token (resyncRequired).");
            }
        }
        else
        {
            var zone = Zones.FindOrUtc(null);
            if (!Zones.TryParseInstant(query["startDateTime"], zone, out var start) || !Zones.TryParseInstant(query["endDateTime"], zone, out var end))
            {
                return GraphResults.BadRequest("This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.", "ErrorInvalidParameter");
            }

            page = tenant.StartCalendarDelta(user.Address, start, end, pageSize)!;
        }

        var preferred = PreferredZone.FromRequest(http.Request);
        var body = new JsonObject
        {
            ["@odata.context"] = GraphResults.Context(http, "Collection(event)"),
            ["value"] = new JsonArray([.. page.Items.Select(item => item.Event is { } changed ? (JsonNode)EventJson.Write(changed, preferred) : Removed(item.Id))]),
        };
        var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}";
        if (page.SkipToken is not null) body["@odata.nextLink"] = $"{self}?$skiptoken={Uri.EscapeDataString(page.SkipToken)}";
        else body["@odata.deltaLink"] = $"{self}?$deltatoken={Uri.EscapeDataString(page.DeltaToken!)}";
        if (http.Request.Headers["Prefer"].Any(p => p?.Contains("odata.maxpagesize", StringComparison.OrdinalIgnoreCase) == true))
        {
            http.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={pageSize.ToString(CultureInfo.InvariantCulture)}";
        }

        return GraphResults.Json(body);
    }

    // Deleted, or moved out of the window: Graph sends only the id and the reason.
    private static JsonObject Removed(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.event",
        ["id"] = id,
        ["@removed"] = new JsonObject { ["reason"] = "deleted" },
    };

    private static int PageSize(HttpRequest request)
    {
        foreach (var prefer in request.Headers["Prefer"])
        {
            var match = MaxPageSize().Match(prefer ?? string.Empty);
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0) return size;
        }

        return CalendarDeltaPage.DefaultSize;
    }

    [GeneratedRegex(@"odata\.maxpagesize\s*=\s*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaxPageSize();
}
