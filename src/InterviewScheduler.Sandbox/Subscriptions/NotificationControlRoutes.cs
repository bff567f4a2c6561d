using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// Control routes for change notifications, outside Graph: list subscriptions, send lifecycle notifications,
/// switch delivery off and on, read the delivery log, and send a notification again to test duplicates.
/// </summary>
internal static class NotificationControlRoutes
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static void Map(WebApplication app, SandboxTenant tenant)
    {
        var control = app.MapGroup("/sandbox");
        control.MapGet("/subscriptions", () => Results.Content(new JsonArray([.. tenant.Subscriptions.Select(s => (JsonNode)SubscriptionRoutes.Write(s))]).ToJsonString(), "application/json"));
        control.MapPost("/subscriptions/{id}/lifecycle", async Task<IResult> (HttpContext http, string id) =>
        {
            var body = await GraphJson.ReadObjectAsync(http.Request);
            var lifecycleEvent = body.Str("lifecycleEvent");
            if (lifecycleEvent is null || !SubscriptionRules.LifecycleEvents.Contains(lifecycleEvent, StringComparer.OrdinalIgnoreCase))
            {
                return BadRequest($"'lifecycleEvent' must be one of {string.Join(", ", SubscriptionRules.LifecycleEvents)}.");
            }

            return tenant.SendLifecycleNotification(id, lifecycleEvent) switch
            {
                LifecycleOutcome.Queued => Results.StatusCode(StatusCodes.Status202Accepted),
                LifecycleOutcome.NoLifecycleUrl => BadRequest($"Subscription '{id}' has no lifecycleNotificationUrl."),
                _ => NotFound($"No subscription '{id}'."),
            };
        });

        control.MapGet("/notifications/delivery", () => Results.Json(new { enabled = tenant.NotificationsEnabled }, Web));
        control.MapPut("/notifications/delivery", async Task<IResult> (HttpContext http) =>
        {
            var body = await GraphJson.ReadObjectAsync(http.Request);
            if (body.Bool("enabled") is not { } enabled) return BadRequest("'enabled' must be true or false.");
            tenant.NotificationsEnabled = enabled;
            return Results.Json(new { enabled }, Web);
        });
        control.MapGet("/notifications", (string? subscriptionId) => Results.Json(
            tenant.NotificationDeliveries.Where(d => subscriptionId is null || d.SubscriptionId == subscriptionId).Select(Describe), Web));
        control.MapDelete("/notifications", () =>
        {
            tenant.ClearNotificationDeliveries();
            return Results.NoContent();
        });
        control.MapPost("/notifications/{id}/redeliver", async Task<IResult> (HttpContext http, string id) =>
        {
            var body = await GraphJson.ReadObjectAsync(http.Request);
            var times = body.Int("times") ?? 1;
            if (times is < 1 or > 100) return BadRequest("'times' must be within 1..100.");
            return tenant.RedeliverNotification(id, times) is { } repeats
                ? Results.Json(repeats.Select(Describe), Web, statusCode: StatusCodes.Status202Accepted)
                : NotFound($"No notification '{id}' in the log.");
        });
    }

    private static object Describe(NotificationDelivery delivery) => new
    {
        delivery.Id,
        delivery.Queued,
        delivery.SubscriptionId,
        delivery.Kind,
        delivery.Event,
        delivery.EventId,
        delivery.Url,
        delivery.RepeatOf,
        delivery.SendAfter,
        delivery.Outcome,
        delivery.Status,
        delivery.Error,
        DurationMilliseconds = delivery.Duration is { } duration ? Math.Round(duration.TotalMilliseconds, 3) : (double?)null,
        Body = JsonNode.Parse(delivery.Body),
    };

    private static IResult BadRequest(string message) => GraphResults.Error(StatusCodes.Status400BadRequest, "BadRequest", message);

    private static IResult NotFound(string message) => GraphResults.Error(StatusCodes.Status404NotFound, "NotFound", message);
}
