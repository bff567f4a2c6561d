using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>The body Graph posts to a notification URL: a batch of notifications.</summary>
public sealed record GraphNotificationBatch([property: JsonPropertyName("value")] IReadOnlyList<GraphNotification>? Value)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The batch in a request body, or null when the body is not one.</summary>
    public static async Task<GraphNotificationBatch?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await JsonSerializer.DeserializeAsync<GraphNotificationBatch>(body, Json, cancellationToken);
            return batch?.Value is null ? null : batch;
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
