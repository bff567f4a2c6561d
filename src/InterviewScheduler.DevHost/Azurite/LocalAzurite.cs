using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.DevHost.Azurite;

/// <summary>
/// Starts Azurite on its usual ports when the app is configured for development storage and nothing
/// listens there yet, and stops it with the DevHost. An Azurite already running is used as it is.
/// </summary>
public sealed partial class LocalAzurite(IConfiguration configuration, ILogger<LocalAzurite> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setting = configuration[StorageAccount.SettingName];
        if (!string.Equals(setting?.Trim().TrimEnd(';'), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || AzuriteProcess.IsListening(AzuriteProcess.DefaultPorts.Queue))
        {
            return;
        }

        _started = await AzuriteProcess.StartAsync(AzuriteProcess.DefaultPorts, cancellationToken);
        LogStarted(logger, AzuriteProcess.DefaultPorts.Blob, AzuriteProcess.DefaultPorts.Table);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_started is { } azurite)
        {
            _started = null;
            await azurite.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Azurite (in memory) on ports {First}-{Last}")]
    private static partial void LogStarted(ILogger logger, int first, int last);
}
