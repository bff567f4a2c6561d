using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Debriefs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// The timers that watch the organizer's calendar: the subscription is created and renewed well before it
/// expires (Outlook events allow under 7 days), and reconciliation catches whatever notifications missed.
/// </summary>
public sealed partial class CalendarWatchFunctions(CalendarWatch watch, StorageCalendarChangeQueue queue, ILogger<CalendarWatchFunctions> logger)
{
    [Function("KeepCalendarSubscription")]
    public async Task KeepSubscription([TimerTrigger("0 7 * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var subscription = await watch.EnsureSubscriptionAsync(force: false, cancellationToken);
        if (subscription is not null) LogSubscription(logger, subscription.Id, subscription.ExpiresAt);
    }

    [Function("ReconcileCalendar")]
    public async Task Reconcile([TimerTrigger("%Debrief:ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await watch.ReconcileAsync(cancellationToken);
        await RetryFailedAsync(queue, report, cancellationToken);
        if (report.Refreshed > 0 || report.Failed.Count > 0) LogReconciled(logger, report.Refreshed, report.Failed.Count);
    }

    /// <summary>Each application reconciliation could not refresh is retried on its own through the calendar-changes queue (its retries, then poison).</summary>
    internal static async Task RetryFailedAsync(StorageCalendarChangeQueue queue, ReconcileReport report, CancellationToken cancellationToken)
    {
        foreach (var eventId in report.Failed) await queue.EnqueueAsync(new CalendarChangeMessage(eventId, "reconciled"), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar subscription {SubscriptionId} live until {ExpiresAt:O}")]
    private static partial void LogSubscription(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation refreshed {Count} applications; {Failed} failed and were queued to retry on their own")]
    private static partial void LogReconciled(ILogger logger, int count, int failed);
}
