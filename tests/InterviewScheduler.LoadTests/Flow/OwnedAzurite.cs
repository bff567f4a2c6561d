using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// The flow suite's own Azurite, on ports of its own (never the shared 10000-10002) and with persistent storage
/// (<c>--location</c>), so that restarting it mid-run keeps what was written, as Azure Storage would.
/// </summary>
internal sealed class OwnedAzurite : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key; public, not a secret.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly OwnedProcess _process;

    public OwnedAzurite(string executable, string location, int blobPort, string logPath)
    {
        BlobPort = blobPort;
        Directory.CreateDirectory(location);
        string Port(int offset) => (blobPort + offset).ToString(CultureInfo.InvariantCulture);
        // --skipApiVersionCheck: the Queues SDK speaks a newer API version than Azurite knows.
        // --disableTelemetry: otherwise Azurite ignores SIGTERM.
        _process = new OwnedProcess("Azurite", executable,
        [
            "--location", location, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(0),
            "--queueHost", "127.0.0.1", "--queuePort", Port(1),
            "--tableHost", "127.0.0.1", "--tablePort", Port(2),
        ], logPath);
    }

    public int BlobPort { get; }

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{BlobPort + 1}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{BlobPort + 2}/devstoreaccount1;");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _process.Start();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(IsListening(BlobPort) && IsListening(BlobPort + 1) && IsListening(BlobPort + 2)))
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"Azurite did not listen on {BlobPort}-{BlobPort + 2} within 30 s.");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>A clean stop (SIGTERM, Azurite saves its state) and a start on the same folder.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _process.StopAsync(TimeSpan.FromSeconds(15));
        await StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    public static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
