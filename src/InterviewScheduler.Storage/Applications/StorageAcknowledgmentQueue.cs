using System.Text.Json;
using Azure.Storage.Queues;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Applications;

/// <summary>The acknowledgments queue: one JSON message <c>{"applicationId": "..."}</c> per application.</summary>
public sealed class StorageAcknowledgmentQueue : IAcknowledgmentQueue
{
    private readonly QueueClient _queue;
    private readonly CreatedOnce _created;

    public StorageAcknowledgmentQueue(StorageAccount account, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _queue = account.Queue(names.AcknowledgmentsQueue);
        _created = new CreatedOnce(() => _queue.CreateIfNotExistsAsync());
    }

    public async Task EnqueueAsync(string applicationId, TimeSpan delay, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var body = JsonSerializer.Serialize(new AcknowledgmentMessage(applicationId), AcknowledgmentMessage.Json);
        await _queue.SendMessageAsync(body, visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);
    }
}

/// <summary>The body of an acknowledgments queue message.</summary>
public sealed record AcknowledgmentMessage(string ApplicationId)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
