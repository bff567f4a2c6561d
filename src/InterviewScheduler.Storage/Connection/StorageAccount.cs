using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace InterviewScheduler.Storage.Connection;

/// <summary>
/// The storage account the service keeps its state and queues in, read from the same <c>AzureWebJobsStorage</c>
/// setting the Functions host uses: a connection string (Azurite, <c>UseDevelopmentStorage=true</c>) or the
/// identity-based form (<c>AzureWebJobsStorage__accountName</c> or <c>__queueServiceUri</c>/<c>__tableServiceUri</c>,
/// with <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity).
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";

    private readonly string? _connectionString;
    private readonly Uri? _queueServiceUri;
    private readonly Uri? _tableServiceUri;
    private readonly TokenCredential? _credential;

    private StorageAccount(string connectionString) => _connectionString = connectionString;

    private StorageAccount(Uri queueServiceUri, Uri tableServiceUri, TokenCredential credential)
    {
        _queueServiceUri = queueServiceUri;
        _tableServiceUri = tableServiceUri;
        _credential = credential;
    }

    /// <summary>Reads the account from configuration; throws naming the setting when it is missing or incomplete.</summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string settingName = SettingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[settingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageAccount(connectionString);
        }

        var section = configuration.GetSection(settingName);
        var accountName = section["accountName"];
        var queueUri = section["queueServiceUri"] is { Length: > 0 } q ? new Uri(q)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.queue.core.windows.net") : null;
        var tableUri = section["tableServiceUri"] is { Length: > 0 } t ? new Uri(t)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.table.core.windows.net") : null;
        if (queueUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Missing setting {settingName}: set a storage connection string, or {settingName}__accountName " +
                $"(or {settingName}__queueServiceUri and {settingName}__tableServiceUri) for a managed identity.");
        }

        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new StorageAccount(queueUri, tableUri, credential);
    }

    /// <summary>An account from a plain connection string (tests, Azurite).</summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageAccount(connectionString);
    }

    /// <summary>
    /// A client for one queue. Messages are Base64, which is what Functions queue triggers expect, so that
    /// both the Functions host and the DevHost read what this client writes.
    /// </summary>
    public QueueClient Queue(string queueName)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return _connectionString is not null
            ? new QueueClient(_connectionString, queueName, options)
            : new QueueClient(new Uri(_queueServiceUri!, queueName), _credential!, options);
    }

    /// <summary>A client for one table.</summary>
    public TableClient Table(string tableName) => _connectionString is not null
        ? new TableClient(_connectionString, tableName)
        : new TableClient(_tableServiceUri!, tableName, _credential!);
}
