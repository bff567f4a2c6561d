using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.Storage.Debriefs;

/// <summary>The debrief row, RowKey <c>debrief</c> in its application's partition; ETag-guarded. Times UTC.</summary>
public sealed class TableDebriefStore : IDebriefStore
{
    private const string RowKey = "debrief";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TableDebriefStore(StorageAccount account, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(names);
        _table = account.Table(names.ApplicationsTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<Debrief?> FindAsync(string applicationId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(applicationId, RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var e = response.Value!;
        return new Debrief(
            e.PartitionKey,
            e.GetString("EventId"),
            e.GetString("JoinUrl"),
            new TimeRange(e.GetDateTimeOffset("Start")!.Value, e.GetDateTimeOffset("End")!.Value),
            e.GetDateTimeOffset("AfterInterviewsEnd")!.Value,
            JsonSerializer.Deserialize<List<string>>(e.GetString("Team"), Json) ?? [],
            JsonSerializer.Deserialize<List<string>>(e.GetString("Conflicts"), Json) ?? [],
            Enum.Parse<DebriefStatus>(e.GetString("Status")),
            e.GetInt32("Generation") ?? 1,
            e.ETag.ToString())
        {
            PendingSince = e.GetDateTimeOffset("PendingSince"),
        };
    }

    public async Task<Debrief?> TrySaveAsync(Debrief debrief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        await _created.EnsureAsync();
        var entity = new TableEntity(debrief.ApplicationId, RowKey)
        {
            ["EventId"] = debrief.EventId,
            ["JoinUrl"] = debrief.JoinUrl,
            ["Start"] = debrief.Time.Start,
            ["End"] = debrief.Time.End,
            ["AfterInterviewsEnd"] = debrief.AfterInterviewsEnd,
            ["Team"] = JsonSerializer.Serialize(debrief.Team, Json),
            ["Conflicts"] = JsonSerializer.Serialize(debrief.Conflicts, Json),
            ["Status"] = debrief.Status.ToString(),
            ["Generation"] = debrief.Generation,
            ["PendingSince"] = debrief.PendingSince,
        };
        try
        {
            var response = debrief.Version is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(debrief.Version), TableUpdateMode.Replace, cancellationToken);
            return debrief with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return null;
        }
    }
}
