using System.Text.Json;
using Azure.Storage.Queues;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Debriefs;

/// <summary>
/// The calendar-changes queue: the notification endpoint answers Graph at once and leaves the work here.
/// One message names one organizer event that changed.
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

/// <summary>The body of a calendar-changes message: an organizer event that changed, and how.</summary>
public sealed record CalendarChangeMessage(string EventId, string ChangeType)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
