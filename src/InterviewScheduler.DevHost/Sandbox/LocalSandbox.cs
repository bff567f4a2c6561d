using InterviewScheduler.Sandbox;

namespace InterviewScheduler.DevHost;

/// <summary>
/// Hosts the sandbox Microsoft 365 tenant in-process (<c>DevHost:Sandbox</c>, on <c>DevHost:SandboxUrls</c>),
/// so that a local run needs no tenant. Point <c>Graph:BaseUrl</c> elsewhere and set <c>DevHost:Sandbox=false</c>
/// to use a real one.
/// </summary>
public sealed class LocalSandbox(IConfiguration configuration, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private SandboxServer? _server;

    /// <summary>Where the sandbox serves its page and control API; null when it is not running.</summary>
    public Uri? RootUrl => _server?.RootUrl;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("DevHost:Sandbox", true))
        {
            return;
        }

        _server = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = configuration["DevHost:SandboxUrls"] ?? "http://localhost:7072", TimeProvider = time },
            cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }
}
