using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>The body Graph posts to a notification URL: a batch of notifications.</summary>
public sealed record GraphNotificationBatch([property: JsonPropertyName("value")] IReadOnlyList<GraphNotification>? Value)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The 400 for a body that is not a batch: Graph always sends a <c>value</c> array of notifications.</summary>
    public static ObjectResult NotABatch() =>
        Problems.Validation(new Dictionary<string, string[]> { ["value"] = ["Required: an array of notifications."] }, "Not a Graph notification batch.");

    /// <summary>The batch in a request body, or null when the body is not one (a null in the array included).</summary>
    public static async Task<GraphNotificationBatch?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, cancellationToken);
            // Not UTF-8 is not JSON; System.Text.Json would read such bytes as U+FFFD into an event id.
            if (!Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) return null;
            var batch = JsonSerializer.Deserialize<GraphNotificationBatch>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return batch?.Value is null || batch.Value.Any(n => n is null) ? null : batch;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One change or lifecycle notification as Graph sends it.</summary>
public sealed record GraphNotification(
    string? SubscriptionId,
    string? ClientState,
    string? ChangeType,
    string? Resource,
    GraphResourceData? ResourceData,
    string? LifecycleEvent)
{
    /// <summary>Whether the notification carries our secret; compared in constant time.</summary>
    public bool IsFrom(string clientState) =>
        !string.IsNullOrEmpty(clientState) && ClientState is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(ClientState), Encoding.UTF8.GetBytes(clientState));

    /// <summary>The event id, from resourceData or else the last segment of the resource path.</summary>
    public string? EventId => ResourceData?.Id ?? Resource?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
}

/// <summary>The <c>resourceData</c> of a notification: the changed item's id.</summary>
public sealed record GraphResourceData(string? Id);
