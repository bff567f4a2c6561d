using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Debriefs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// <c>POST /api/notifications/calendar</c>: Graph's change notifications for the organizer's events. Answers the
/// validation handshake by echoing the token, ignores any notification without our clientState, and leaves the
/// work to the calendar-changes queue so that Graph gets its answer within its 3 seconds.
/// </summary>
/// <remarks>
/// Anonymous at the Functions level because Graph calls it without a function key; what authenticates a
/// notification is the clientState secret, compared in constant time, and a notification only makes the service
/// re-read its own calendar, never trust the notification's content.
/// </remarks>
public sealed partial class CalendarNotificationFunction(StorageCalendarChangeQueue queue, IOptions<NotificationOptions> options, ILogger<CalendarNotificationFunction> logger)
{
    [Function(nameof(CalendarNotificationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notifications/calendar")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ValidationHandshake.Answer(request) is { } echo) return echo;

        var batch = await GraphNotificationBatch.ReadAsync(request.Body, cancellationToken);
        if (batch?.Value is null) return GraphNotificationBatch.NotABatch();

        var accepted = 0;
        foreach (var notification in batch.Value)
        {
            if (!notification.IsFrom(options.Value.ClientState))
            {
                LogForeign(logger, notification.SubscriptionId);
                continue;
            }

            if (notification.EventId is { } eventId)
            {
                await queue.EnqueueAsync(new CalendarChangeMessage(eventId, notification.ChangeType ?? "updated"), cancellationToken);
                accepted++;
            }
        }

        return new AcceptedResult((string?)null, new { accepted });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a notification for subscription {SubscriptionId} with a wrong clientState")]
    private static partial void LogForeign(ILogger logger, string? subscriptionId);
}
