using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Debriefs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// <c>POST /api/notifications/lifecycle</c>: Graph's lifecycle notifications, answered 202 at once (Graph allows 3 s)
/// with the work left on the calendar-changes queue: <c>reauthorizationRequired</c> renews the subscription,
/// <c>subscriptionRemoved</c> replaces it (once, however often it is delivered), <c>missed</c> reconciles.
/// </summary>
public sealed partial class LifecycleNotificationFunction(StorageCalendarChangeQueue queue, IOptions<NotificationOptions> options, ILogger<LifecycleNotificationFunction> logger)
{
    [Function(nameof(LifecycleNotificationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notifications/lifecycle")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidationHandshake.Answer(request) is { } echo) return echo;

        var batch = await GraphNotificationBatch.ReadAsync(request.Body, cancellationToken);
        if (batch?.Value is null) return GraphNotificationBatch.NotABatch();
        foreach (var notification in batch.Value.Where(n => n.IsFrom(options.Value.ClientState)))
        {
            if (notification.LifecycleEvent is not ("reauthorizationRequired" or "subscriptionRemoved" or "missed")) continue;
            LogLifecycle(logger, notification.LifecycleEvent, notification.SubscriptionId);
            await queue.EnqueueAsync(CalendarChangeMessage.Lifecycle(notification.LifecycleEvent, notification.SubscriptionId), cancellationToken);
        }

        return new AcceptedResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle notification {LifecycleEvent} for subscription {SubscriptionId}")]
    private static partial void LogLifecycle(ILogger logger, string? lifecycleEvent, string? subscriptionId);
}
