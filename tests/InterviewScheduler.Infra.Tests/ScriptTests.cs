using System.Diagnostics;

namespace InterviewScheduler.Infra.Tests;

/// <summary>The scripts azd runs parse, and azure.yaml points at them.</summary>
public sealed class ScriptTests
{
    private static readonly string GrantScript = Path.Combine(BicepCli.InfraDirectory, "scripts", "grant-graph-permissions.sh");

    [Fact]
    public async Task The_grant_script_is_valid_bash()
    {
        var (exitCode, errors) = await RunAsync("bash", "-n", GrantScript);

        Assert.True(exitCode == 0, errors);
    }

    [Fact]
    public void The_grant_script_is_executable_and_strict()
    {
        var text = File.ReadAllText(GrantScript);
        Assert.StartsWith("#!/usr/bin/env bash\n", text, StringComparison.Ordinal);
        Assert.Contains("\nset -euo pipefail\n", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(GrantScript).HasFlag(UnixFileMode.UserExecute), "chmod +x the script (git keeps the bit)");
        }
    }

    [Fact]
    public async Task The_grant_script_stops_without_the_identity()
    {
        // Runs offline: the script checks its input before it calls the Azure CLI.
        var (exitCode, errors) = await RunAsync("bash", GrantScript);

        Assert.Equal(1, exitCode);
        Assert.Contains("MANAGED_IDENTITY_PRINCIPAL_ID", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_runs_the_grant_script_after_provisioning()
    {
        var azureYaml = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));

        Assert.Contains("postprovision:", azureYaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/scripts/grant-graph-permissions.sh", azureYaml, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Errors)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MANAGED_IDENTITY_PRINCIPAL_ID");
        start.Environment.Remove("GRANT_GRAPH_PERMISSIONS");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors);
    }
}
