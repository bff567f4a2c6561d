using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// Acknowledgments per recipient and UTC day in a table row (PartitionKey = hex SHA-256 of the lowercased address,
/// never the address itself; RowKey = <c>yyyyMMdd</c>; <c>Count</c>), raised only with an ETag check so that every
/// instance shares one count.
/// </summary>
public sealed class TableRecipientAllowance : IRecipientAllowance
{
    private const string CountProperty = "Count";
    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TableRecipientAllowance(StorageAccount account, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _table = account.Table(names.RecipientAllowanceTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<bool> TryTakeAsync(string email, DateOnly day, int perDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentOutOfRangeException.ThrowIfNegative(perDay);
        await _created.EnsureAsync();
        var partition = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
        var row = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        // Each lost race means another caller wrote, and at most perDay writes succeed (the insert is the first):
        // so perDay + 1 attempts always end with a taken unit or a full count.
        for (var attempt = 0; attempt <= perDay; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    if (perDay == 0) return false;
                    await _table.AddEntityAsync(new TableEntity(partition, row) { [CountProperty] = 1 }, cancellationToken);
                    return true;
                }

                var entity = existing.Value!;
                var count = entity.GetInt32(CountProperty) ?? 0;
                if (count >= perDay) return false;
                entity[CountProperty] = count + 1;
                await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another instance counted first: read again.
            }
        }

        // Unreachable by the argument above; holding the email back is the safe answer if it ever is not.
        return false;
    }
}
