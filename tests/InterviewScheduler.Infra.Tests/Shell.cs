using System.Diagnostics;

namespace InterviewScheduler.Infra.Tests;

/// <summary>Runs the deployment scripts as azd would, with a controlled environment.</summary>
internal static class Shell
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs <paramref name="file"/> to completion and returns what it printed; never throws for a non-zero exit code.
    /// Each entry of <paramref name="environment"/> sets a variable, or removes it when the value is null.
    /// </summary>
    public static async Task<CliResult> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new CliResult(process.ExitCode, await output, await errors);
    }
}
