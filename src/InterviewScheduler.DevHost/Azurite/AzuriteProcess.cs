using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InterviewScheduler.DevHost.Azurite;

/// <summary>
/// An Azurite storage emulator started from the repository's <c>node_modules</c> (the version pinned in
/// package.json), in memory, on loopback. Disposing it stops it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key; public, not a secret.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The ports <c>UseDevelopmentStorage=true</c> points at: blob, queue, table.</summary>
    public static readonly AzuritePorts DefaultPorts = new(10000, 10001, 10002);

    private readonly Process _process;

    private AzuriteProcess(Process process, AzuritePorts ports)
    {
        _process = process;
        Ports = ports;
    }

    public AzuritePorts Ports { get; }

    /// <summary>A connection string for this instance's endpoints with the development account.</summary>
    public string ConnectionString => ConnectionStringFor(Ports);

    public static string ConnectionStringFor(AzuritePorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;");
    }

    /// <summary>Whether something accepts TCP connections on the loopback port.</summary>
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

    /// <summary>Three loopback ports that were free a moment ago.</summary>
    public static AzuritePorts FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners) listener.Start();
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return new AzuritePorts(ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }

    /// <summary>Finds <c>node_modules/.bin/azurite</c> in <paramref name="start"/> or a folder above it.</summary>
    public static string? FindExecutable(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>Starts Azurite on <paramref name="ports"/> and waits until all three services listen.</summary>
    public static async Task<AzuriteProcess> StartAsync(AzuritePorts ports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var executable = FindExecutable(AppContext.BaseDirectory) ?? FindExecutable(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("Azurite is not installed: run `npm ci` at the repository root.");
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        // --skipApiVersionCheck: the Queues SDK speaks a newer API version than Azurite knows.
        // --disableTelemetry: otherwise Azurite ignores SIGTERM.
        foreach (var argument in new[]
                 {
                     "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, ports);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(IsListening(ports.Blob) && IsListening(ports.Queue) && IsListening(ports.Table)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start listening on ports {ports}.");
            }

            await Task.Delay(100, cancellationToken);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>The loopback ports of one Azurite instance.</summary>
public sealed record AzuritePorts(int Blob, int Queue, int Table);
