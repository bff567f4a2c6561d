using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Pacing;

/// <summary>
/// Paces sends per mailbox with a fixed one-minute window counted in a table row, shared by every instance.
/// The count is raised with ETag checks, so concurrent senders never overspend a window.
/// </summary>
public sealed class TableSendPacer : ISendPacer
{
    private const int MaxConcurrencyRetries = 20;
    private readonly TableClient _table;
    private readonly CreatedOnce _created;
    private readonly int _perMinute;
    private readonly TimeProvider _time;

    /// <param name="perMinute">Sends allowed per mailbox per minute; 0 = unpaced.</param>
    public TableSendPacer(StorageAccount account, StorageNames names, int perMinute, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfNegative(perMinute);
        _table = account.Table(names.SendPacingTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
        _perMinute = perMinute;
        _time = time;
    }

    public async Task<TimeSpan> ReserveAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (_perMinute == 0) return TimeSpan.Zero;
        await _created.EnsureAsync();
        var partition = mailbox.Trim().ToUpperInvariant();
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var now = _time.GetUtcNow();
            var windowStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var row = windowStart.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await _table.AddEntityAsync(new TableEntity(partition, row) { ["Count"] = 1 }, cancellationToken);
                    return TimeSpan.Zero;
                }

                var count = existing.Value!.GetInt32("Count") ?? 0;
                if (count >= _perMinute)
                {
                    // Spread the deferred sends over the next window instead of waking them all at once.
                    var overflow = TimeSpan.FromSeconds(60.0 * (count - _perMinute) / _perMinute % 60);
                    existing.Value["Count"] = count + 1;
                    await _table.UpdateEntityAsync(existing.Value, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    return windowStart.AddMinutes(1) - now + overflow;
                }

                existing.Value["Count"] = count + 1;
                await _table.UpdateEntityAsync(existing.Value, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return TimeSpan.Zero;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another instance counted first: read again.
            }
        }

        return TimeSpan.FromSeconds(1);
    }
}
