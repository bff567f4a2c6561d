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

        var (batch, problem) = await NotificationBody.ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;

        var ours = batch!.Value!.Where(n => n.IsFrom(options.Value.ClientState)).ToList();
        var known = ours.Where(n => n.LifecycleEvent is "reauthorizationRequired" or "subscriptionRemoved" or "missed").ToList();
        await Task.WhenAll(known.Select(n => queue.EnqueueAsync(CalendarChangeMessage.Lifecycle(n.LifecycleEvent!, n.SubscriptionId), cancellationToken)));

        // One line per request, naming what was queued.
        var queued = string.Join(",", known.Select(n => n.LifecycleEvent));
        LogLifecycle(logger, batch.Value!.Count, queued, batch.Value!.Count - ours.Count);
        return new AcceptedResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle notifications: {Received} received, queued [{Queued}], {Foreign} ignored for a wrong clientState")]
    private static partial void LogLifecycle(ILogger logger, int received, string queued, int foreign);
}
