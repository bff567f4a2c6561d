using System.Diagnostics;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// The DevHost as a child process (<c>dotnet InterviewScheduler.DevHost.dll</c>) with the flow's settings: its own
/// Azurite, the suite's sandbox tenant as Graph, no sandbox of its own. Killed with SIGKILL and started again on
/// purpose; its storage and the sandbox outlive it.
/// </summary>
internal sealed class OwnedDevHost : IAsyncDisposable
{
    private readonly OwnedProcess _process;
    private readonly HttpClient _http;

    public OwnedDevHost(string devHostDll, Uri baseUrl, IReadOnlyDictionary<string, string> settings, string logPath, HttpClient http)
    {
        BaseUrl = baseUrl;
        _http = http;
        _process = new OwnedProcess("DevHost", "dotnet", [devHostDll, .. settings.Select(s => $"--{s.Key}={s.Value}")], logPath);
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts it and waits until <c>/api/health</c> answers; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _process.Start();
        var deadline = TimeSpan.FromSeconds(90);
        while (clock.Elapsed < deadline)
        {
            if (_process.ProcessId is null) throw new InvalidOperationException("The DevHost exited during start-up: see devhost.log.");
            try
            {
                using var response = await _http.GetAsync(new Uri(BaseUrl, "/api/health"), cancellationToken);
                if (response.IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Too slow to answer yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new InvalidOperationException($"The DevHost did not answer {BaseUrl}api/health within {deadline.TotalSeconds} s.");
    }

    /// <summary>SIGKILL, then a fresh start; returns how long it was down.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await _process.KillAsync();
        await StartAsync(cancellationToken);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await _process.StopAsync(TimeSpan.FromSeconds(15));
}
