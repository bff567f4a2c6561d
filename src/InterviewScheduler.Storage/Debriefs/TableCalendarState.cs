using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Debriefs;

/// <summary>
/// The event index (table <c>eventindex</c>: PartitionKey = SHA-256 of the Graph event id, which may hold characters
/// keys cannot) and the calendar watch state (table <c>calendarwatch</c>: one partition per mailbox).
/// </summary>
public sealed class TableCalendarState : IEventIndex, ICalendarWatchState
{
    private readonly TableClient _index;
    private readonly TableClient _watch;
    private readonly CreatedOnce _created;

    public TableCalendarState(StorageAccount account, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _index = account.Table(names.EventIndexTable);
        _watch = account.Table(names.CalendarWatchTable);
        _created = new CreatedOnce(async () =>
        {
            await _index.CreateIfNotExistsAsync();
            await _watch.CreateIfNotExistsAsync();
        });
    }

    public async Task AddAsync(string eventId, string applicationId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _index.UpsertEntityAsync(new TableEntity(Key(eventId), "") { ["ApplicationId"] = applicationId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string eventId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        try
        {
            await _index.DeleteEntityAsync(Key(eventId), "", ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Not indexed, or removed before: removed either way.
        }
    }

    public async Task<string?> FindApplicationAsync(string eventId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _index.GetEntityIfExistsAsync<TableEntity>(Key(eventId), "", cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetString("ApplicationId") : null;
    }

    public async Task<CalendarSubscription?> FindSubscriptionAsync(string mailbox, CancellationToken cancellationToken)
    {
        var row = await FindAsync(mailbox, "subscription", cancellationToken);
        return row is null ? null : SubscriptionOf(row);
    }

    public Task SaveSubscriptionAsync(string mailbox, CalendarSubscription subscription, CancellationToken cancellationToken) =>
        SaveAsync(SubscriptionRow(mailbox, subscription), cancellationToken);

    public async Task<bool> TryReplaceSubscriptionAsync(string mailbox, string? expectedId, CalendarSubscription subscription, CancellationToken cancellationToken)
    {
        var current = await FindAsync(mailbox, "subscription", cancellationToken);
        if (current?.GetString("SubscriptionId") != expectedId) return false;
        try
        {
            // ETag-guarded (or insert-only when there was none): two instances replacing at once cannot both win.
            if (current is null) await _watch.AddEntityAsync(SubscriptionRow(mailbox, subscription), cancellationToken);
            else await _watch.UpdateEntityAsync(SubscriptionRow(mailbox, subscription), current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    private static CalendarSubscription SubscriptionOf(TableEntity row) =>
        new(row.GetString("SubscriptionId"), row.GetString("Resource"), row.GetDateTimeOffset("ExpiresAt")!.Value)
        {
            ClientStateFingerprint = row.GetString("ClientStateFingerprint"),
        };

    private static TableEntity SubscriptionRow(string mailbox, CalendarSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new TableEntity(Partition(mailbox), "subscription")
        {
            ["SubscriptionId"] = subscription.Id,
            ["Resource"] = subscription.Resource,
            ["ExpiresAt"] = subscription.ExpiresAt,
            ["ClientStateFingerprint"] = subscription.ClientStateFingerprint,
        };
    }

    public async Task<DeltaPosition?> FindDeltaPositionAsync(string mailbox, CancellationToken cancellationToken) =>
        await FindAsync(mailbox, "delta", cancellationToken) is { } row && row.GetString("Token") is { } token
            ? new DeltaPosition(token, row.GetDateTimeOffset("RoundStartedAt") ?? DateTimeOffset.MinValue)
            : null;

    public Task SaveDeltaPositionAsync(string mailbox, DeltaPosition position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        return SaveAsync(new TableEntity(Partition(mailbox), "delta") { ["Token"] = position.Token, ["RoundStartedAt"] = position.RoundStartedAt }, cancellationToken);
    }

    private async Task<TableEntity?> FindAsync(string mailbox, string row, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _watch.GetEntityIfExistsAsync<TableEntity>(Partition(mailbox), row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private async Task SaveAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _watch.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static string Partition(string mailbox) => mailbox.Trim().ToUpperInvariant();

    private static string Key(string eventId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));
}
