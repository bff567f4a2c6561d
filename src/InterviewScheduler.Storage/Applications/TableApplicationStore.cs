using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// Applications and their interviews in Azure Tables, one partition per application, so that a booking's
/// interviews and the application change together in one entity-group transaction. Deduplication rides on a
/// key table whose rows are inserted, never updated: of two requests with the same key, exactly one insert
/// succeeds, also at the same moment.
/// </summary>
public sealed class TableApplicationStore : IApplicationStore, IInterviewStore
{
    private const string ApplicationIdProperty = "ApplicationId";

    private readonly TableClient _applications;
    private readonly TableClient _keys;
    private readonly CreatedOnce _created;

    public TableApplicationStore(StorageAccount account, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _applications = account.Table(names.ApplicationsTable);
        _keys = account.Table(names.ApplicationKeysTable);
        _created = new CreatedOnce(async () =>
        {
            await _applications.CreateIfNotExistsAsync();
            await _keys.CreateIfNotExistsAsync();
        });
    }

    public async Task<IntakeOutcome> AddOrGetAsync(JobApplication application, string deduplicationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        await _created.EnsureAsync();

        var key = KeyOf(deduplicationKey);
        try
        {
            await _keys.AddEntityAsync(new TableEntity(key, "") { [ApplicationIdProperty] = application.Id }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var firstId = (await _keys.GetEntityAsync<TableEntity>(key, "", cancellationToken: cancellationToken)).Value.GetString(ApplicationIdProperty);
            if (await FindAsync(firstId, cancellationToken) is { } first)
            {
                return new IntakeOutcome(first, Created: false);
            }

            // The first request claimed the key but has not stored (or never stored) the application: store it
            // under the claimed id; whichever insert wins is the one that queues the acknowledgment.
            application = application with { Id = firstId };
        }

        try
        {
            var response = await _applications.AddEntityAsync(ApplicationEntity.From(application), cancellationToken);
            return new IntakeOutcome(application with { Version = response.Headers.ETag?.ToString() }, Created: true);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return new IntakeOutcome((await FindAsync(application.Id, cancellationToken))!, Created: false);
        }
    }

    public async Task ForgetDeduplicationKeyAsync(string deduplicationKey, string applicationId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var key = KeyOf(deduplicationKey);
        var found = await _keys.GetEntityIfExistsAsync<TableEntity>(key, "", cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value!.GetString(ApplicationIdProperty) != applicationId) return;
        try
        {
            // ETag-guarded: a key that meanwhile names another application stays.
            await _keys.DeleteEntityAsync(found.Value, found.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Gone already, or no longer this application's.
        }
    }

    // Keys hold personal data (emails): store a hash, which also fits the key's allowed characters.
    private static string KeyOf(string deduplicationKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deduplicationKey)));

    public async Task<JobApplication?> FindAsync(string applicationId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var response = await _applications.GetEntityIfExistsAsync<TableEntity>(applicationId, ApplicationEntity.RowKeyValue, cancellationToken: cancellationToken);
        return response.HasValue ? ApplicationEntity.To(response.Value!, response.Value!.ETag) : null;
    }

    public async Task<JobApplication?> TryReplaceAsync(JobApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Version is null) throw new ArgumentException("Only a stored application (with a version) can be replaced.", nameof(application));
        await _created.EnsureAsync();
        try
        {
            var response = await _applications.UpdateEntityAsync(ApplicationEntity.From(application), new ETag(application.Version), TableUpdateMode.Replace, cancellationToken);
            return application with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<string> FindUnacknowledgedAsync(DateTimeOffset dueBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = string.Create(CultureInfo.InvariantCulture,
            $"RowKey eq '{ApplicationEntity.RowKeyValue}' and (AcknowledgmentStatus eq 'Pending' or AcknowledgmentStatus eq 'Sending') and Status ne 'Erasing' and Status ne 'Erased' and AcknowledgmentDueAt lt datetime'{dueBefore.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'");
        // Skipped ones are left out here rather than in the filter: a filter on a property a row lacks excludes the row.
        await foreach (var entity in _applications.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "AcknowledgmentSkipped"], cancellationToken: cancellationToken))
        {
            if (entity.GetString("AcknowledgmentSkipped") is null) yield return entity.PartitionKey;
        }
    }

    public async IAsyncEnumerable<JobApplication> ListAsync(ApplicationStatus? status, string? roleId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        // The application rows only (a partition also holds its interviews and debrief); values go through
        // TableClient.CreateQueryFilter, which quotes them.
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ApplicationEntity.RowKeyValue}");
        if (status is { } wanted) filter += " and " + TableClient.CreateQueryFilter($"Status eq {wanted.ToString()}");
        if (!string.IsNullOrEmpty(roleId)) filter += " and " + TableClient.CreateQueryFilter($"RoleId eq {roleId}");
        await foreach (var entity in _applications.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ApplicationEntity.To(entity, entity.ETag);
        }
    }

    public async Task SaveAsync(IReadOnlyList<Interview> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await _created.EnsureAsync();
        foreach (var partition in changed.GroupBy(i => i.ApplicationId))
        {
            // Each row says what the calendar said when it was read: the last reader's view wins, which is the newest.
            await _applications.SubmitTransactionAsync(
                partition.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, InterviewEntity.From(i))), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Interview>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId} and RowKey ge {InterviewEntity.RowKeyPrefix} and RowKey lt {"interview."}");
        var interviews = new List<Interview>();
        await foreach (var entity in _applications.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            interviews.Add(InterviewEntity.To(entity));
        }

        return [.. interviews.OrderBy(i => i.Time.Start).ThenBy(i => i.SessionIndex)];
    }

    public async Task<JobApplication?> TryRecordBookingAsync(JobApplication application, IReadOnlyList<Interview> interviews, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(interviews);
        if (application.Version is null) throw new ArgumentException("Only a stored application (with a version) can be replaced.", nameof(application));
        await _created.EnsureAsync();

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ApplicationEntity.From(application), new ETag(application.Version)),
        };
        actions.AddRange(interviews.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, InterviewEntity.From(i))));
        try
        {
            var response = await _applications.SubmitTransactionAsync(actions, cancellationToken);
            return application with { Version = response.Value[0].Headers.ETag?.ToString() };
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404 or 409)
        {
            return null;
        }
    }
}
