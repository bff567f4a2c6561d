using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>
/// <c>POST /users/{id}/calendar/getSchedule</c>: free/busy and working hours for up to 20 people over a window
/// shorter than 62 days, with Graph's limits and its per-schedule error for an address without a mailbox.
/// </summary>
internal static class ScheduleRoutes
{
    /// <summary>Most schedules Graph accepts in one call.</summary>
    public const int MaxSchedules = 20;

    /// <summary>Graph refuses windows of 62 days or more.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(62);

    public static void Map(RouteGroupBuilder users, SandboxTenant tenant)
    {
        users.MapPost("/{userId}/calendar/getSchedule", (HttpContext http, string userId) => GetSchedule(http, tenant, userId));
        users.MapPost("/{userId}/getSchedule", (HttpContext http, string userId) => GetSchedule(http, tenant, userId));
    }

    private static async Task<IResult> GetSchedule(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is null) return GraphResults.UnknownMailbox(userId);
        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be a getSchedule object.");

        var schedules = body.Items("schedules").Select(s => s is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty).ToList();
        if (schedules.Count == 0) return GraphResults.BadRequest("At least one schedule is required.", "ErrorInvalidParameter");
        if (schedules.Count > MaxSchedules)
        {
            return GraphResults.BadRequest($"The number of schedules requested, {schedules.Count}, exceeds the maximum of {MaxSchedules}.", "ErrorInvalidParameter");
        }

        var (start, _, startError) = DateTimeTimeZone.Read(body.Node("startTime"), "startTime");
        if (startError is not null) return GraphResults.BadRequest(startError, "ErrorInvalidParameter");
        var (end, _, endError) = DateTimeTimeZone.Read(body.Node("endTime"), "endTime");
        if (endError is not null) return GraphResults.BadRequest(endError, "ErrorInvalidParameter");
        if (end <= start) return GraphResults.BadRequest("The end of the time window must be after its start.", "ErrorInvalidParameter");
        if (end - start >= MaxWindow)
        {
            return GraphResults.BadRequest("The requested time duration exceeds the allowed maximum of 62 days.", "ErrorTimeIntervalTooBig");
        }

        var interval = body.Int("availabilityViewInterval") ?? 30;
        if (interval is < 5 or > 1440) return GraphResults.BadRequest("availabilityViewInterval must be between 5 and 1440 minutes.", "ErrorInvalidParameter");

        var zone = PreferredZone.FromRequest(http.Request);
        var answers = schedules.Select(address => tenant.FindUser(address) is { } person
            ? Schedule(address, person, tenant.EventsOf(person.Address), start, end, interval, zone)
            : Unknown(address));
        return GraphResults.Json(new JsonObject
        {
            ["@odata.context"] = GraphResults.Context(http, "Collection(microsoft.graph.scheduleInformation)"),
            ["value"] = new JsonArray([.. answers]),
        });
    }

    private static JsonObject Schedule(string requested, SandboxUser person, IReadOnlyList<SandboxEvent> events, DateTimeOffset start, DateTimeOffset end, int intervalMinutes, PreferredZone zone)
    {
        var blocking = events.Where(e => e.Blocks && e.Start < end && e.End > start).ToList();
        var view = new StringBuilder();
        var step = TimeSpan.FromMinutes(intervalMinutes);
        for (var slot = start; slot < end; slot += step)
        {
            var slotEnd = slot + step;
            var winner = blocking.Where(e => e.Start < slotEnd && e.End > slot)
                .Select(e => e.ShowAs).OrderByDescending(FreeBusyStatus.Weight).FirstOrDefault() ?? FreeBusyStatus.Free;
            view.Append(FreeBusyStatus.Digit(winner));
        }

        var items = new JsonArray();
        foreach (var item in blocking)
        {
            items.Add(new JsonObject
            {
                ["isPrivate"] = false,
                ["status"] = item.ShowAs == FreeBusyStatus.Unknown ? FreeBusyStatus.Busy : item.ShowAs,
                ["subject"] = item.Subject,
                ["location"] = item.Location ?? string.Empty,
                ["isMeeting"] = item.Attendees.Count > 0,
                ["isRecurring"] = false,
                ["isException"] = false,
                ["isReminderSet"] = true,
                ["start"] = zone.Write(item.Start),
                ["end"] = zone.Write(item.End),
            });
        }

        return new JsonObject
        {
            ["scheduleId"] = requested,
            ["availabilityView"] = view.ToString(),
            ["scheduleItems"] = items,
            ["workingHours"] = WorkingHoursJson.Write(person.WorkingHours),
        };
    }

    private static JsonObject Unknown(string requested) => new()
    {
        ["scheduleId"] = requested,
        ["availabilityView"] = string.Empty,
        ["error"] = new JsonObject
        {
            ["message"] = string.Create(CultureInfo.InvariantCulture, $"The SMTP address '{requested}' has no mailbox associated with it."),
            ["responseCode"] = "ErrorMailRecipientNotFound",
        },
    };
}
