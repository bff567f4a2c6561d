using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Control;

/// <summary>
/// The control API under <c>/sandbox/</c>, outside Graph: add users, switch faults, read the request log, list
/// mail and events, and act as a person in Outlook would (move, cancel, accept, decline, tentatively accept).
/// Bodies are JSON, property names case-insensitive.
/// </summary>
internal static class ControlRoutes
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static void Map(WebApplication app, SandboxTenant tenant)
    {
        var control = app.MapGroup("/sandbox");

        control.MapGet("/users", () => Ok(new JsonArray([.. tenant.Users.Select(u => (JsonNode)WriteUser(u))])));
        control.MapPost("/users", async Task<IResult> (HttpContext http) => AddUser(tenant, await GraphJson.ReadObjectAsync(http.Request)));

        control.MapGet("/faults", () => Results.Json(tenant.Faults, Web));
        control.MapPost("/faults", async Task<IResult> (HttpContext http) => AddFault(tenant, await GraphJson.ReadObjectAsync(http.Request)));
        control.MapDelete("/faults", () =>
        {
            tenant.ClearFaults();
            return Results.NoContent();
        });
        control.MapDelete("/faults/{id}", (string id) => tenant.RemoveFault(id) ? Results.NoContent() : NotFound($"No fault rule '{id}'."));

        control.MapGet("/requests", () => Results.Json(tenant.RequestLog.Select(r => new
        {
            r.Time,
            r.Method,
            r.Path,
            r.Query,
            r.Status,
            r.RequestBodyBytes,
            DurationMilliseconds = Math.Round(r.Duration.TotalMilliseconds, 3),
            r.InBatch,
        }), Web));
        control.MapDelete("/requests", () =>
        {
            tenant.ClearRequestLog();
            return Results.NoContent();
        });

        control.MapGet("/mail", (string? mailbox) => Ok(new JsonArray([.. tenant.SentMail()
            .Where(m => mailbox is null || m.Mailbox.Equals(mailbox, StringComparison.OrdinalIgnoreCase))
            .Select(m => (JsonNode)WriteMessage(m))])));
        control.MapGet("/mailboxes/{address}/messages", (string address, string? folder) =>
        {
            if (tenant.FindUser(address) is not { } user) return NotFound($"No mailbox '{address}'.");
            var name = MailFolder.Normalize(folder ?? MailFolder.Inbox);
            if (name is null) return BadRequest("folder must be 'inbox' or 'sentitems'.");
            return Ok(new JsonArray([.. tenant.MessagesIn(user.Address, name).Select(m => (JsonNode)WriteMessage(m))]));
        });

        control.MapGet("/events", (string? mailbox) => Ok(new JsonArray([.. (mailbox is null ? tenant.AllEvents() : tenant.EventsOf(mailbox))
            .Select(e => (JsonNode)WriteEvent(e))])));
        control.MapPost("/mailboxes/{address}/events/{eventId}/move", async (HttpContext http, string address, string eventId) =>
            Move(tenant, address, eventId, await GraphJson.ReadObjectAsync(http.Request)));
        control.MapPost("/mailboxes/{address}/events/{eventId}/cancel", async (HttpContext http, string address, string eventId) =>
        {
            var body = await GraphJson.ReadObjectAsync(http.Request);
            return tenant.CancelEvent(address, eventId, body.Str("comment")) switch
            {
                CancelOutcome.Cancelled => Results.NoContent(),
                CancelOutcome.NotOrganizer => BadRequest($"'{address}' does not organize that event; only the organizer cancels."),
                _ => NotFound($"No event '{eventId}' in '{address}'."),
            };
        });
        control.MapPost("/mailboxes/{address}/events/{eventId}/respond", async (HttpContext http, string address, string eventId) =>
            Respond(tenant, address, eventId, await GraphJson.ReadObjectAsync(http.Request)));
    }

    private static IResult AddUser(SandboxTenant tenant, JsonObject? body)
    {
        var address = body.Str("address");
        var zone = body.Str("timeZone") ?? "UTC";
        if (string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal)) return BadRequest("'address' must be an email address.");
        if (!Zones.TryFind(zone, out _)) return BadRequest($"'timeZone' '{zone}' is not a known IANA or Windows time zone.");

        var hours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), zone);
        if (body.Node("workingHours") is JsonObject given)
        {
            var days = given.Items("daysOfWeek").Select(d => Enum.TryParse<DayOfWeek>(d.ToString(), ignoreCase: true, out var day) ? day : (DayOfWeek?)null).ToList();
            if (days.Any(d => d is null)) return BadRequest("'workingHours.daysOfWeek' holds names such as 'monday'.");
            if (!TimeOnly.TryParse(given.Str("startTime") ?? "09:00", CultureInfo.InvariantCulture, out var start)
                || !TimeOnly.TryParse(given.Str("endTime") ?? "17:00", CultureInfo.InvariantCulture, out var end) || end <= start)
            {
                return BadRequest("'workingHours.startTime' and 'endTime' must be times of day (HH:mm), the end after the start.");
            }

            var hoursZone = given.Node("timeZone").Str("name") ?? given.Str("timeZone") ?? zone;
            if (!Zones.TryFind(hoursZone, out _)) return BadRequest($"'workingHours.timeZone' '{hoursZone}' is not a known time zone.");
            hours = new WorkingHours(days.Count == 0 ? hours.DaysOfWeek : [.. days.Select(d => d!.Value)], start, end, hoursZone);
        }

        var user = tenant.AddUser(SandboxUser.Create(address, body.Str("displayName") ?? address, zone, hours, body.Str("jobTitle")));
        return Results.Content(WriteUser(user).ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static IResult AddFault(SandboxTenant tenant, JsonObject? body)
    {
        var pattern = body.Str("pathPattern");
        if (string.IsNullOrWhiteSpace(pattern)) return BadRequest("'pathPattern' is required, for example '*/calendar/getSchedule'.");
        if (!Enum.TryParse<FaultKind>(body.Str("kind"), ignoreCase: true, out var kind)) return BadRequest("'kind' must be 'throttle', 'unavailable', 'latency', 'ambiguousError' or 'ambiguousTimeout'.");
        var rate = body.Node("rate") is JsonValue r && r.TryGetValue<double>(out var value) ? value : 1.0;
        if (rate is < 0 or > 1) return BadRequest("'rate' must be within 0..1.");
        var count = body.Int("count");
        if (count is < 0) return BadRequest("'count' must not be negative.");
        var skip = body.Int("skip") ?? 0;
        if (skip < 0) return BadRequest("'skip' must not be negative.");

        var rule = tenant.AddFault(new FaultRule
        {
            PathPattern = pattern,
            Method = body.Str("method"),
            Kind = kind,
            RetryAfterSeconds = body.Has("retryAfterSeconds") ? body.Int("retryAfterSeconds") : kind == FaultKind.Throttle ? 1 : null,
            LatencyMilliseconds = body.Int("latencyMilliseconds") ?? (kind == FaultKind.AmbiguousTimeout ? 30_000 : 0),
            AmbiguousStatus = body.Int("ambiguousStatus") ?? 504,
            Count = count,
            Skip = skip,
            Rate = rate,
        });
        return Results.Json(rule, Web, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Move(SandboxTenant tenant, string address, string eventId, JsonObject? body)
    {
        if (!TryInstant(body.Node("start"), out var start) || !TryInstant(body.Node("end"), out var end))
        {
            return BadRequest("'start' and 'end' must be ISO 8601 times with an offset, or Graph dateTimeTimeZone objects.");
        }

        if (end < start) return BadRequest("'end' must not be before 'start'.");
        var existing = tenant.FindEvent(address, eventId);
        if (existing is null) return NotFound($"No event '{eventId}' in '{address}'.");
        if (!existing.IsOrganizer) return BadRequest($"'{address}' does not organize that event; only the organizer moves it.");
        var moved = tenant.MoveEvent(address, eventId, start, end);
        return moved is null ? NotFound($"No event '{eventId}' in '{address}'.") : Ok(WriteEvent(moved));
    }

    private static IResult Respond(SandboxTenant tenant, string address, string eventId, JsonObject? body)
    {
        var response = body.Str("response")?.ToLowerInvariant() switch
        {
            "accept" or "accepted" => AttendeeResponse.Accepted,
            "decline" or "declined" => AttendeeResponse.Declined,
            "tentativelyaccept" or "tentativelyaccepted" or "tentative" => AttendeeResponse.TentativelyAccepted,
            _ => null,
        };
        if (response is null) return BadRequest("'response' must be 'accept', 'decline' or 'tentativelyAccept'.");
        return tenant.RespondToEvent(address, eventId, response) switch
        {
            RespondOutcome.Recorded => Results.NoContent(),
            RespondOutcome.IsOrganizer => BadRequest($"'{address}' organizes that event and cannot respond to it."),
            RespondOutcome.NotInvited => BadRequest($"'{address}' is not invited to that event."),
            _ => NotFound($"No event '{eventId}'."),
        };
    }

    private static bool TryInstant(JsonNode? node, out DateTimeOffset instant)
    {
        instant = default;
        if (node is JsonObject)
        {
            var (value, _, error) = DateTimeTimeZone.Read(node, "time");
            instant = value;
            return error is null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    private static JsonObject WriteUser(SandboxUser user) => new()
    {
        ["id"] = user.Id.ToString(),
        ["address"] = user.Address,
        ["displayName"] = user.DisplayName,
        ["jobTitle"] = user.JobTitle,
        ["timeZone"] = user.TimeZone,
        ["workingHours"] = WorkingHoursJson.Write(user.WorkingHours),
    };

    private static JsonObject WriteEvent(SandboxEvent item)
    {
        var json = EventJson.Write(item, PreferredZone.Utc);
        json.Insert(0, "mailbox", item.Mailbox);
        return json;
    }

    private static JsonObject WriteMessage(SandboxMessage message)
    {
        var json = MessageJson.Write(message, withHeaders: true, expandProperties: _ => true);
        json.Insert(0, "mailbox", message.Mailbox);
        json.Insert(1, "folder", message.Folder);
        return json;
    }

    private static IResult Ok(JsonNode body) => Results.Content(body.ToJsonString(), "application/json");

    private static IResult BadRequest(string message) => GraphResults.Error(StatusCodes.Status400BadRequest, "BadRequest", message);

    private static IResult NotFound(string message) => GraphResults.Error(StatusCodes.Status404NotFound, "NotFound", message);
}
