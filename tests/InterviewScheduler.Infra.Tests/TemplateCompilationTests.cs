using System.Text.Json;

namespace InterviewScheduler.Infra.Tests;

/// <summary>The templates compile and lint with no error and no warning (rule levels in infra/bicepconfig.json).</summary>
public sealed class TemplateCompilationTests
{
    public static TheoryData<string> BicepFiles() => new(BicepFileNames());

    private static List<string> BicepFileNames() =>
        Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(BicepCli.InfraDirectory, file))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task Main_template_builds_to_an_arm_template_without_diagnostics()
    {
        using var output = new TemporaryDirectory();
        var armTemplate = Path.Combine(output.Path, "main.json");

        var result = await BicepCli.RunAsync(BicepCli.InfraDirectory, "build", BicepCli.MainTemplate, "--outfile", armTemplate);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Trim().Length == 0, $"bicep build reported diagnostics:\n{result.StandardError}");
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(armTemplate));
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            template.RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_template_lints_clean(string file)
    {
        var result = await BicepCli.RunAsync(BicepCli.InfraDirectory, "lint", Path.Combine(BicepCli.InfraDirectory, file), "--diagnostics-format", "sarif");

        var diagnostics = SarifResults(result.StandardOutput);
        Assert.True(diagnostics.Count == 0, $"{file}:\n{string.Join('\n', diagnostics)}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Trim().Length == 0, result.ToString());
    }

    [Fact]
    public async Task Bicep_lint_of_main_from_the_repository_root_exits_clean()
    {
        // The command as an operator or CI runs it: `bicep lint infra/main.bicep` (main.bicep pulls in every module).
        var result = await BicepCli.RunAsync(BicepCli.RepositoryRoot, "lint", "infra/main.bicep");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((result.StandardOutput + result.StandardError).Trim().Length == 0, result.ToString());
    }

    [Fact]
    public void Every_lint_rule_is_an_error_or_off()
    {
        // bicep lint exits non-zero only for errors: a rule left at warning would let a finding pass a plain `bicep lint`.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json")));
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules").EnumerateObject().ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Contains(rule.Value.GetProperty("level").GetString(), new[] { "error", "off" }));
        // Off only where the verdict would change with the date (an API version or module grows old), not with the templates.
        Assert.Equal(["use-recent-api-versions", "use-recent-module-versions"],
            rules.Where(r => r.Value.GetProperty("level").GetString() == "off").Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bicep_files_are_found()
    {
        // Guards the theory above against passing vacuously on an empty folder.
        Assert.Contains("main.bicep", BicepFileNames());
        Assert.True(BicepFileNames().Count >= 2, "expected main.bicep and its local modules");
    }

    [Fact]
    public async Task Lint_failure_is_detected()
    {
        // The same check on a template with a deliberate problem: shows the lint test can fail.
        using var directory = new TemporaryDirectory();
        File.Copy(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json"), Path.Combine(directory.Path, "bicepconfig.json"));
        var broken = Path.Combine(directory.Path, "broken.bicep");
        await File.WriteAllTextAsync(broken, "param unused string\nvar url = 'https://management.azure.com/'\noutput url string = url\n");

        var result = await BicepCli.RunAsync(directory.Path, "lint", broken, "--diagnostics-format", "sarif");

        var diagnostics = SarifResults(result.StandardOutput);
        Assert.Contains(diagnostics, d => d.StartsWith("no-unused-params", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.StartsWith("no-hardcoded-env-urls", StringComparison.Ordinal));
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void Modules_are_local_files()
    {
        // Remote registry modules (br:, ts:) need the network to restore; the tests and CI build offline.
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Each SARIF result as "ruleId level: message (file:line)".</summary>
    private static List<string> SarifResults(string sarif)
    {
        Assert.False(string.IsNullOrWhiteSpace(sarif), "bicep printed no SARIF document");
        using var document = JsonDocument.Parse(sarif);
        var results = new List<string>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    ? locations[0].GetProperty("physicalLocation")
                    : default;
                var where = location.ValueKind == JsonValueKind.Object
                    ? $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{location.GetProperty("region").GetProperty("startLine").GetInt32()}"
                    : "?";
                results.Add($"{result.GetProperty("ruleId").GetString()} {result.GetProperty("level").GetString()}: " +
                    $"{result.GetProperty("message").GetProperty("text").GetString()} ({where})");
            }
        }

        return results;
    }
}
