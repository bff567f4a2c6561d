using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>Graph's event routes: create, list, calendarView, get, update, delete, cancel and attendee responses.</summary>
internal static class EventRoutes
{
    public static void Map(RouteGroupBuilder users, SandboxTenant tenant)
    {
        foreach (var prefix in new[] { "/{userId}/events", "/{userId}/calendar/events" })
        {
            users.MapPost(prefix, (HttpContext http, string userId) => Create(http, tenant, userId));
            users.MapGet(prefix, (HttpContext http, string userId) => List(http, tenant, userId));
            users.MapGet(prefix + "/{eventId}", (HttpContext http, string userId, string eventId) => Get(http, tenant, userId, eventId));
            users.MapMethods(prefix + "/{eventId}", ["PATCH"], (HttpContext http, string userId, string eventId) => Update(http, tenant, userId, eventId));
            users.MapDelete(prefix + "/{eventId}", (string userId, string eventId) => Delete(tenant, userId, eventId));
            users.MapPost(prefix + "/{eventId}/cancel", (HttpContext http, string userId, string eventId) => Cancel(http, tenant, userId, eventId));
            users.MapPost(prefix + "/{eventId}/accept", (HttpContext http, string userId, string eventId) => Respond(http, tenant, userId, eventId, AttendeeResponse.Accepted));
            users.MapPost(prefix + "/{eventId}/decline", (HttpContext http, string userId, string eventId) => Respond(http, tenant, userId, eventId, AttendeeResponse.Declined));
            users.MapPost(prefix + "/{eventId}/tentativelyAccept", (HttpContext http, string userId, string eventId) => Respond(http, tenant, userId, eventId, AttendeeResponse.TentativelyAccepted));
        }

        users.MapGet("/{userId}/calendar", (HttpContext http, string userId) => Calendar(http, tenant, userId));
        users.MapGet("/{userId}/calendarView", (HttpContext http, string userId) => CalendarView(http, tenant, userId));
        users.MapGet("/{userId}/calendar/calendarView", (HttpContext http, string userId) => CalendarView(http, tenant, userId));
    }

    private static async Task<IResult> Create(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be an event object.");
        var (draft, error) = EventJson.Read(body);
        if (error is not null) return GraphResults.BadRequest(error);
        if (draft.Start is null || draft.End is null) return GraphResults.BadRequest("An event needs 'start' and 'end'.");
        if (draft.End < draft.Start) return GraphResults.BadRequest("The end of an event must not be before its start.", "ErrorInvalidRequest");

        var creation = tenant.CreateEvent(user.Address, draft);
        var json = EventJson.Write(creation.Event, PreferredZone.FromRequest(http.Request));
        json.Insert(0, "@odata.context", GraphResults.Context(http, $"users('{user.Address}')/events/$entity"));
        // Graph answers a repeated transactionId with 201 and the event it already created.
        return GraphResults.Json(json, StatusCodes.Status201Created);
    }

    private static IResult List(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        IEnumerable<SandboxEvent> events = tenant.EventsOf(user.Address);
        var filterText = http.Request.Query["$filter"].ToString();
        if (!string.IsNullOrWhiteSpace(filterText))
        {
            var (filter, error) = ODataFilter.Parse(filterText);
            if (filter is null) return GraphResults.BadRequest(error ?? "Invalid filter clause.", "BadRequest");
            events = events.Where(e => filter.Matches(new EventFilterable(e)));
        }

        if (http.Request.Query["$orderby"].ToString().Contains("desc", StringComparison.OrdinalIgnoreCase)) events = events.Reverse();
        return Page(http, user, [.. events]);
    }

    /// <summary>The default calendar, with the online meeting providers it allows (concepts/outlook-calendar-online-meetings.md).</summary>
    private static IResult Calendar(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        var providers = tenant.OnlineMeetingProvidersOf(user.Address);
        return GraphResults.Json(new JsonObject
        {
            ["@odata.context"] = GraphResults.Context(http, $"users('{user.Address}')/calendar/$entity"),
            ["id"] = "AAMkAGI2calendar" + user.Id.ToString("N"),
            ["name"] = "Calendar",
            ["canEdit"] = true,
            ["canShare"] = true,
            ["isDefaultCalendar"] = true,
            ["owner"] = new JsonObject { ["name"] = user.DisplayName, ["address"] = user.Address },
            ["allowedOnlineMeetingProviders"] = new JsonArray([.. providers.Select(p => (JsonNode)JsonValue.Create(p)!)]),
            ["defaultOnlineMeetingProvider"] = providers.Count > 0 ? providers[0] : "unknown",
        });
    }

    private static IResult CalendarView(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        var zone = Zones.FindOrUtc(null);
        if (!Zones.TryParseInstant(http.Request.Query["startDateTime"], zone, out var start)
            || !Zones.TryParseInstant(http.Request.Query["endDateTime"], zone, out var end))
        {
            return GraphResults.BadRequest("This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.", "ErrorInvalidParameter");
        }

        return Page(http, user, [.. tenant.EventsOf(user.Address).Where(e => e.Start < end && e.End > start)]);
    }

    private static IResult Page(HttpContext http, SandboxUser user, IReadOnlyList<SandboxEvent> events)
    {
        var zone = PreferredZone.FromRequest(http.Request);
        var (page, next) = Paging.Apply(events, http.Request);
        return GraphResults.Collection(http, $"users('{user.Address}')/events", page.Select(e => (JsonNode)EventJson.Write(e, zone)), next);
    }

    private static IResult Get(HttpContext http, SandboxTenant tenant, string userId, string eventId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindEvent(user.Address, eventId) is not { } item || item.Id != eventId) return GraphResults.ItemNotFound();
        var json = EventJson.Write(item, PreferredZone.FromRequest(http.Request));
        json.Insert(0, "@odata.context", GraphResults.Context(http, $"users('{user.Address}')/events/$entity"));
        return GraphResults.Json(json);
    }

    private static async Task<IResult> Update(HttpContext http, SandboxTenant tenant, string userId, string eventId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindEvent(user.Address, eventId) is not { } current || current.Id != eventId) return GraphResults.ItemNotFound();
        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be an event object.");
        var (draft, error) = EventJson.Read(body);
        if (error is not null) return GraphResults.BadRequest(error);
        if ((draft.End ?? current.End) < (draft.Start ?? current.Start)) return GraphResults.BadRequest("The end of an event must not be before its start.");

        var updated = tenant.UpdateEvent(user.Address, eventId, draft);
        if (updated is null) return GraphResults.ItemNotFound();
        var json = EventJson.Write(updated, PreferredZone.FromRequest(http.Request));
        json.Insert(0, "@odata.context", GraphResults.Context(http, $"users('{user.Address}')/events/$entity"));
        return GraphResults.Json(json);
    }

    private static IResult Delete(SandboxTenant tenant, string userId, string eventId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindEvent(user.Address, eventId) is not { } item || item.Id != eventId) return GraphResults.ItemNotFound();
        return tenant.DeleteEvent(user.Address, eventId) ? Results.NoContent() : GraphResults.ItemNotFound();
    }

    private static async Task<IResult> Cancel(HttpContext http, SandboxTenant tenant, string userId, string eventId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindEvent(user.Address, eventId) is not { } item || item.Id != eventId) return GraphResults.ItemNotFound();
        var body = await GraphJson.ReadObjectAsync(http.Request);
        return tenant.CancelEvent(user.Address, eventId, body.Str("comment")) switch
        {
            CancelOutcome.Cancelled => Results.StatusCode(StatusCodes.Status202Accepted),
            CancelOutcome.NotOrganizer => GraphResults.Error(StatusCodes.Status400BadRequest, "ErrorAccessDenied", "Your request can't be completed. You need to be an organizer to cancel a meeting."),
            _ => GraphResults.ItemNotFound(),
        };
    }

    private static async Task<IResult> Respond(HttpContext http, SandboxTenant tenant, string userId, string eventId, string response)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindEvent(user.Address, eventId) is not { } item || item.Id != eventId) return GraphResults.ItemNotFound();
        _ = await GraphJson.ReadObjectAsync(http.Request);
        return tenant.RespondToEvent(user.Address, eventId, response) switch
        {
            RespondOutcome.Recorded => Results.StatusCode(StatusCodes.Status202Accepted),
            RespondOutcome.IsOrganizer => GraphResults.Error(StatusCodes.Status400BadRequest, "ErrorInvalidRequest", "Your request can't be completed. You can't respond to a meeting you organized."),
            _ => GraphResults.ItemNotFound(),
        };
    }
}
