using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// <c>POST /api/notifications/lifecycle</c>: Graph's lifecycle notifications. <c>reauthorizationRequired</c> renews
/// the subscription, <c>subscriptionRemoved</c> makes a new one, <c>missed</c> reconciles at once.
/// </summary>
public sealed partial class LifecycleNotificationFunction(CalendarWatch watch, IOptions<NotificationOptions> options, ILogger<LifecycleNotificationFunction> logger)
{
    [Function(nameof(LifecycleNotificationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notifications/lifecycle")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidationHandshake.Answer(request) is { } echo) return echo;

        var batch = await GraphNotificationBatch.ReadAsync(request.Body, cancellationToken);
        if (batch?.Value is null) return Problems.Status(StatusCodes.Status400BadRequest, "Not a Graph notification batch.");
        foreach (var notification in batch.Value.Where(n => n.IsFrom(options.Value.ClientState)))
        {
            LogLifecycle(logger, notification.LifecycleEvent, notification.SubscriptionId);
            switch (notification.LifecycleEvent)
            {
                case "reauthorizationRequired":
                    await watch.EnsureSubscriptionAsync(force: true, cancellationToken);
                    break;
                case "subscriptionRemoved":
                    await watch.ReplaceSubscriptionAsync(cancellationToken);
                    break;
                case "missed":
                    await watch.ReconcileAsync(cancellationToken);
                    break;
            }
        }

        return new AcceptedResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle notification {LifecycleEvent} for subscription {SubscriptionId}")]
    private static partial void LogLifecycle(ILogger logger, string? lifecycleEvent, string? subscriptionId);
}
