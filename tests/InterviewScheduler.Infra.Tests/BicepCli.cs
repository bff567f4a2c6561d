using System.Diagnostics;
using System.Reflection;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// The Bicep CLI from the <c>Azure.Bicep.CommandLine.*</c> NuGet package, at the path the project file wrote into
/// this assembly (no searching, no network: every template here uses local modules only).
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ExecutablePath { get; } = Metadata("BicepCliPath");

    /// <summary>The repository checkout the tests were built from.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string InfraDirectory { get; } = Path.Combine(RepositoryRoot, "infra");

    public static string MainTemplate { get; } = Path.Combine(InfraDirectory, "main.bicep");

    /// <summary>The parameters file azd fills from the environment (<c>${NAME}</c>) for <see cref="MainTemplate"/>.</summary>
    public static string MainParameters { get; } = Path.Combine(InfraDirectory, "main.parameters.json");

    /// <summary>Runs the CLI to completion and returns what it printed; never throws for a non-zero exit code.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(ExecutablePath), $"Bicep CLI missing at {ExecutablePath}; restore the test project.");
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the CLI offline and quiet: no telemetry, no update checks.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ExecutablePath}");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing: see InterviewScheduler.Infra.Tests.csproj");
}

/// <summary>What one CLI run printed, and its exit code.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit code {ExitCode}\n{StandardError}\n{StandardOutput}";
}
