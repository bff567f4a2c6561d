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
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(ExecutablePath), $"Bicep CLI missing at {ExecutablePath}; restore the test project.");
        // Keep the CLI offline and quiet: no telemetry, no update checks.
        var environment = new Dictionary<string, string?> { ["BICEP_TELEMETRY_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        return Shell.RunAsync(ExecutablePath, arguments, environment, workingDirectory, Timeout);
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
