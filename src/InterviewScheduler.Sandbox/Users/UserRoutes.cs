using System.Globalization;
using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Users;

/// <summary>Directory and mailbox-settings routes: <c>GET /users</c>, <c>/users/{id}</c>, <c>/users/{id}/mailboxSettings</c>.</summary>
internal static class UserRoutes
{
    public static void Map(RouteGroupBuilder users, SandboxTenant tenant)
    {
        users.MapGet("", (HttpContext http) =>
        {
            IReadOnlyList<SandboxUser> found = tenant.Users;
            if (http.Request.Query["$search"].ToString() is { Length: > 0 } search)
            {
                // Directory objects take $search only as an advanced query (aad-advanced-queries.md).
                if (!string.Equals(http.Request.Headers["ConsistencyLevel"], "eventual", StringComparison.OrdinalIgnoreCase))
                {
                    return GraphResults.BadRequest("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'", "Request_BadRequest");
                }

                if (UserSearch.Parse(search) is not { } terms) return GraphResults.BadRequest("Syntax error: the $search value is not a quoted \"property:text\" clause.", "Request_UnsupportedQuery");
                found = [.. found.Where(u => terms.Any(t => t.Matches(u)))];
            }

            var (page, next) = Paging.Apply(found, http.Request);
            return GraphResults.Collection(http, "users", page.Select(u => (JsonNode)Write(u)), next);
        });

        users.MapGet("/{userId}", (HttpContext http, string userId) =>
        {
            if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownDirectoryObject(userId);
            var json = Write(user);
            json.Insert(0, "@odata.context", GraphResults.Context(http, "users/$entity"));
            return GraphResults.Json(json);
        });

        users.MapGet("/{userId}/mailboxSettings", (HttpContext http, string userId) =>
        {
            if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
            return GraphResults.Json(new JsonObject
            {
                ["@odata.context"] = GraphResults.Context(http, $"users('{user.Address}')/mailboxSettings"),
                ["timeZone"] = user.TimeZone,
                ["dateFormat"] = "yyyy-MM-dd",
                ["timeFormat"] = "HH:mm",
                ["userPurpose"] = "user",
                ["delegateMeetingMessageDeliveryOptions"] = "sendToDelegateOnly",
                ["language"] = new JsonObject { ["locale"] = "en-GB", ["displayName"] = "English (United Kingdom)" },
                ["workingHours"] = WorkingHoursJson.Write(user.WorkingHours),
                ["automaticRepliesSetting"] = new JsonObject { ["status"] = "disabled", ["externalAudience"] = "all" },
            });
        });
    }

    private static JsonObject Write(SandboxUser user)
    {
        var space = user.DisplayName.IndexOf(' ', StringComparison.Ordinal);
        return new JsonObject
        {
            ["id"] = user.Id.ToString("D", CultureInfo.InvariantCulture),
            ["businessPhones"] = new JsonArray(),
            ["displayName"] = user.DisplayName,
            ["givenName"] = space > 0 ? user.DisplayName[..space] : user.DisplayName,
            ["surname"] = space > 0 ? user.DisplayName[(space + 1)..] : null,
            ["jobTitle"] = user.JobTitle,
            ["mail"] = user.Address,
            ["mobilePhone"] = null,
            ["officeLocation"] = null,
            ["preferredLanguage"] = "en-GB",
            ["userPrincipalName"] = user.Address,
        };
    }
}
