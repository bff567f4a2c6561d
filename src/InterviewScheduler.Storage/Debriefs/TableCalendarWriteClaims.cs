using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Debriefs;

/// <summary>
/// A claim is a row in its application's partition, RowKey <c>claim-</c> and a hash of the change: added if absent,
/// or taken over with its ETag once expired. The hash keeps event ids (which hold characters RowKeys refuse) out of
/// the key.
/// </summary>
public sealed class TableCalendarWriteClaims : ICalendarWriteClaims
{
    private readonly TableClient _table;
    private readonly CreatedOnce _created;
    private readonly TimeProvider _time;

    public TableCalendarWriteClaims(StorageAccount account, StorageNames names, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _table = account.Table(names.ApplicationsTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
        _time = time;
    }

    public async Task<bool> TryClaimAsync(string applicationId, string change, TimeSpan expiresAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(change);
        await _created.EnsureAsync();
        var rowKey = "claim-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(change)))[..40];
        var now = _time.GetUtcNow();
        var claim = new TableEntity(applicationId, rowKey) { ["ClaimedAt"] = now };
        try
        {
            await _table.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            // Claimed before: by a worker at it now, or by one that stopped (or finished) long enough ago.
        }

        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(applicationId, rowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue) return false;
        if (now - (existing.Value!.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue) < expiresAfter) return false;
        try
        {
            await _table.UpdateEntityAsync(claim, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException lost) when (lost.Status == 412)
        {
            return false;
        }
    }
}
