using System.Diagnostics;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// A child process the flow suite starts, stops and kills on purpose (Azurite, the DevHost), its output appended to
/// a log file so that a restart keeps what the previous run of it said.
/// </summary>
internal sealed class OwnedProcess(string name, string fileName, IReadOnlyList<string> arguments, string logPath) : IAsyncDisposable
{
    private readonly Lock _logGate = new();
    private Process? _process;

    public string Name { get; } = name;

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public void Start()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException($"{Name} is running already.");
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(logPath) ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Append($"--- {Name} started (pid {process.Id}) at {DateTimeOffset.UtcNow:O}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when a host's machine disappears.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Append($"--- {Name} killed at {DateTimeOffset.UtcNow:O}");
        process.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is not { } process) return;
        if (!process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                if (term is not null) await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Append($"--- {Name} stopped at {DateTimeOffset.UtcNow:O}");
        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.FromSeconds(10));

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            File.AppendAllText(logPath, line + Environment.NewLine);
        }
    }
}
