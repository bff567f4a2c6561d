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

        var (batch, problem) = await NotificationBody.ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;

        // Only queue writes here, all at once: no Graph call and no wait on one message for the next.
        var ours = batch!.Value!.Where(n => n.IsFrom(options.Value.ClientState)).ToList();
        var changes = ours.Where(n => n.EventId is not null).Select(n => new CalendarChangeMessage(n.EventId!, n.ChangeType ?? "updated")).ToList();
        await Task.WhenAll(changes.Select(change => queue.EnqueueAsync(change, cancellationToken)));

        // One line per request however many notifications it carries: a burst from Graph must not flood the logs.
        var foreign = batch.Value!.Count - ours.Count;
        if (foreign > 0) LogBatchWithForeign(logger, batch.Value!.Count, changes.Count, foreign);
        else LogBatch(logger, batch.Value!.Count, changes.Count);
        return new AcceptedResult((string?)null, new { accepted = changes.Count });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar notifications: {Received} received, {Queued} queued")]
    private static partial void LogBatch(ILogger logger, int received, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar notifications: {Received} received, {Queued} queued, {Foreign} ignored for a wrong clientState")]
    private static partial void LogBatchWithForeign(ILogger logger, int received, int queued, int foreign);
}
