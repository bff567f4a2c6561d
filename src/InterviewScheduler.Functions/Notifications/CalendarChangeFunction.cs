using System.Text.Json;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Connection;
using InterviewScheduler.Storage.Debriefs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// One organizer event changed: re-read that application's interviews from the calendar and keep its debrief
/// right after the last one. Events the service did not create are ignored. A lifecycle notification renews,
/// replaces or reconciles the subscription's watch.
/// </summary>
public sealed partial class CalendarChangeFunction(IEventIndex index, InterviewSync sync, CalendarWatch watch, StorageCalendarChangeQueue queue, ILogger<CalendarChangeFunction> logger)
{
    [Function(nameof(CalendarChangeFunction))]
    public async Task Run([QueueTrigger(StorageNames.CalendarChangesQueueName)] string message, CancellationToken cancellationToken)
    {
        var change = JsonSerializer.Deserialize<CalendarChangeMessage>(message, CalendarChangeMessage.Json)
            ?? throw new InvalidOperationException("A calendar-changes message without a body.");
        switch (change.LifecycleEvent)
        {
            case "reauthorizationRequired":
                await watch.EnsureSubscriptionAsync(force: true, cancellationToken);
                return;
            case "subscriptionRemoved":
                await watch.ReplaceSubscriptionAsync(change.SubscriptionId, cancellationToken);
                return;
            case "missed":
                await CalendarWatchFunctions.RetryFailedAsync(queue, await watch.ReconcileAsync(cancellationToken), cancellationToken);
                return;
        }

        if (await index.FindApplicationAsync(change.EventId, cancellationToken) is not { } applicationId)
        {
            return;
        }

        var outcome = await sync.RefreshAsync(applicationId, cancellationToken);
        LogRefreshed(logger, applicationId, change.ChangeType, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: calendar change ({ChangeType}), debrief {Outcome}")]
    private static partial void LogRefreshed(ILogger logger, string applicationId, string changeType, DebriefChange outcome);
}
