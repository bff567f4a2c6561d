using System.Globalization;
using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>Graph's <c>/subscriptions</c> routes: create (with the validation handshake), list, get, renew, delete, reauthorize.</summary>
internal static class SubscriptionRoutes
{
    public static void Map(WebApplication app, SandboxTenant tenant)
    {
        var subscriptions = app.MapGroup("/v1.0/subscriptions");
        subscriptions.MapPost("", async Task<IResult> (HttpContext http) => await Create(http, tenant));
        subscriptions.MapGet("", (HttpContext http) => GraphResults.Collection(http, "subscriptions", tenant.Subscriptions.Select(s => (JsonNode)Write(s))));
        subscriptions.MapGet("/{id}", (HttpContext http, string id) =>
            tenant.FindSubscription(id) is { } found ? Entity(http, found) : NotFound(id));
        subscriptions.MapMethods("/{id}", ["PATCH"], async Task<IResult> (HttpContext http, string id) => await Renew(http, tenant, id));
        subscriptions.MapDelete("/{id}", (string id) => tenant.DeleteSubscription(id) ? Results.NoContent() : NotFound(id));
        subscriptions.MapPost("/{id}/reauthorize", (string id) => tenant.FindSubscription(id) is null ? NotFound(id) : Results.NoContent());
    }

    private static async Task<IResult> Create(HttpContext http, SandboxTenant tenant)
    {
        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be a subscription object.", "InvalidRequest");
        if (!TryInstant(body, out var expiration)) return GraphResults.BadRequest("'expirationDateTime' must be an ISO 8601 date and time.", "InvalidRequest");

        var creation = await tenant.CreateSubscriptionAsync(
            new SubscriptionRequest(body.Str("changeType"), body.Str("notificationUrl"), body.Str("lifecycleNotificationUrl"), body.Str("resource"), expiration, body.Str("clientState")),
            http.RequestAborted);
        if (creation.Subscription is { } created) return Entity(http, created, StatusCodes.Status201Created);
        var status = creation.ErrorCode == "ErrorInvalidUser" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return GraphResults.Error(status, creation.ErrorCode!, creation.ErrorMessage!);
    }

    private static async Task<IResult> Renew(HttpContext http, SandboxTenant tenant, string id)
    {
        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (!TryInstant(body, out var expiration) || expiration is null) return GraphResults.BadRequest("'expirationDateTime' is required: an ISO 8601 date and time.", "InvalidRequest");
        if (SubscriptionRules.ExpirationProblem(expiration, tenant.TimeProvider.GetUtcNow()) is { } problem) return GraphResults.BadRequest(problem, "InvalidRequest");
        return tenant.RenewSubscription(id, expiration.Value) is { } renewed ? Entity(http, renewed) : NotFound(id);
    }

    /// <summary>Reads <c>expirationDateTime</c>: true with null when absent, false when present but not a time.</summary>
    private static bool TryInstant(JsonObject? body, out DateTimeOffset? instant)
    {
        instant = null;
        var text = body.Str("expirationDateTime");
        if (text is null) return !body.Has("expirationDateTime");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        instant = parsed;
        return true;
    }

    private static IResult Entity(HttpContext http, SandboxSubscription subscription, int status = StatusCodes.Status200OK)
    {
        var json = Write(subscription);
        json.Insert(0, "@odata.context", GraphResults.Context(http, "subscriptions/$entity"));
        return GraphResults.Json(json, status);
    }

    private static IResult NotFound(string id) =>
        GraphResults.Error(StatusCodes.Status404NotFound, "ResourceNotFound", $"The subscription '{id}' was not found. It may have expired or been deleted.");

    public static JsonObject Write(SandboxSubscription subscription) => new()
    {
        ["id"] = subscription.Id,
        ["resource"] = subscription.Resource,
        ["applicationId"] = null,
        ["changeType"] = subscription.ChangeType,
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl.ToString(),
        ["notificationQueryOptions"] = null,
        ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl?.ToString(),
        ["expirationDateTime"] = WireTime.Utc(subscription.ExpirationDateTime),
        ["creatorId"] = null,
        ["includeResourceData"] = null,
        ["latestSupportedTlsVersion"] = "v1_2",
        ["encryptionCertificate"] = null,
        ["encryptionCertificateId"] = null,
        ["notificationUrlAppId"] = null,
    };
}
