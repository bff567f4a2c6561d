using System.Text.Json;
using Azure.Storage.Queues;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Debriefs;

/// <summary>
/// The calendar-changes queue: the notification endpoints answer Graph at once and leave the work here.
/// One message names one organizer event that changed, or one lifecycle notification.
/// </summary>
public sealed class StorageCalendarChangeQueue
{
    private readonly QueueClient _queue;
    private readonly CreatedOnce _created;

    public StorageCalendarChangeQueue(StorageAccount account, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _queue = account.Queue(names.CalendarChangesQueue);
        _created = new CreatedOnce(() => _queue.CreateIfNotExistsAsync());
    }

    public async Task EnqueueAsync(CalendarChangeMessage message, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _queue.SendMessageAsync(JsonSerializer.Serialize(message, CalendarChangeMessage.Json), cancellationToken);
    }
}

/// <summary>
/// The body of a calendar-changes message: an organizer event that changed, and how; or, with
/// <see cref="LifecycleEvent"/>, a lifecycle notification for <see cref="SubscriptionId"/>.
/// </summary>
public sealed record CalendarChangeMessage(string EventId, string ChangeType)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>reauthorizationRequired</c>, <c>subscriptionRemoved</c> or <c>missed</c>; null for an event change.</summary>
    public string? LifecycleEvent { get; init; }

    /// <summary>The subscription a lifecycle notification is about.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>A lifecycle notification's message.</summary>
    public static CalendarChangeMessage Lifecycle(string lifecycleEvent, string? subscriptionId) =>
        new(string.Empty, "lifecycle") { LifecycleEvent = lifecycleEvent, SubscriptionId = subscriptionId };
}
