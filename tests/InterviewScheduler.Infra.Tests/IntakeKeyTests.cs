namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// Each intake function gets a function key of its own after deployment (scripts/ensure-intake-keys.sh, azd's postdeploy
/// hook), so that no caller needs the host's default or _master key, and no document tells an operator to hand one out.
/// </summary>
public sealed class IntakeKeyTests
{
    private static readonly string Hook = Path.Combine(BicepCli.InfraDirectory, "scripts", "ensure-intake-keys.sh");

    /// <summary>The function-level (keyed) functions and the key each caller is given.</summary>
    private static readonly (string Function, string Key)[] IntakeKeys =
    [
        ("SubmitApplicationFunction", "intake"),
        ("GreenhouseWebhookFunction", "greenhouse"),
    ];

    private static readonly Dictionary<string, string> Provisioned = new(ScriptTests.NewEnvironment)
    {
        ["AZURE_RESOURCE_GROUP"] = "rg-interviews-test",
        ["AZURE_FUNCTION_APP_NAME"] = "func-interviews-test",
    };

    [Fact]
    public async Task The_hook_gives_each_intake_function_its_own_key_and_a_second_run_keeps_them()
    {
        using var az = new FakeAz();
        az.Deployed(IntakeKeys.Select(k => k.Function).ToArray());
        using var azd = new FakeAzd(Provisioned);

        var first = await azd.RunHookAsync(Hook, tools: az.Directory);
        var made = IntakeKeys.Select(k => az.FunctionKey(k.Function, k.Key)).ToList();
        var second = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(made, key => Assert.False(string.IsNullOrEmpty(key)));
        Assert.NotEqual(made[0], made[1]);
        Assert.Equal(made, IntakeKeys.Select(k => az.FunctionKey(k.Function, k.Key)));
        Assert.Equal(IntakeKeys.Length, az.Calls.Count(c => c.StartsWith("functionapp function keys set ", StringComparison.Ordinal)));
        Assert.All(az.Calls.Where(c => c.Contains(" keys ", StringComparison.Ordinal)), call =>
        {
            Assert.Contains("--resource-group rg-interviews-test --name func-interviews-test", call, StringComparison.Ordinal);
            Assert.DoesNotContain("_master", call, StringComparison.Ordinal);
            Assert.DoesNotContain("functionapp keys", call, StringComparison.Ordinal); // host keys are never touched
        });
        Assert.All(made, key => Assert.DoesNotContain(key!, first.StandardOutput + first.StandardError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_a_caller_already_holds_is_kept()
    {
        using var az = new FakeAz();
        az.Deployed(IntakeKeys.Select(k => k.Function).ToArray());
        az.ExistingFunctionKey("SubmitApplicationFunction", "intake", "held-by-the-careers-site");
        using var azd = new FakeAzd(Provisioned);

        var result = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("held-by-the-careers-site", az.FunctionKey("SubmitApplicationFunction", "intake"));
        Assert.DoesNotContain(az.Calls, c => c.StartsWith("functionapp function keys set", StringComparison.Ordinal) && c.Contains("SubmitApplicationFunction", StringComparison.Ordinal));
        Assert.NotNull(az.FunctionKey("GreenhouseWebhookFunction", "greenhouse"));
    }

    [Fact]
    public async Task A_failed_read_stops_the_hook_instead_of_replacing_a_key()
    {
        // Not deployed: listing fails. Making a key then could replace one a caller holds, so the hook stops.
        using var az = new FakeAz();
        using var azd = new FakeAzd(Provisioned);

        var result = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain(az.Calls, c => c.StartsWith("functionapp function keys set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hook_stops_before_provisioning_has_named_the_app()
    {
        using var az = new FakeAz();
        using var azd = new FakeAzd(ScriptTests.NewEnvironment);

        var result = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AZURE_FUNCTION_APP_NAME", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(az.Calls);
    }

    [Fact]
    public void The_keyed_functions_are_exactly_the_intake_functions()
    {
        // Every route with AuthorizationLevel.Function gets a key from the hook; every other route is anonymous.
        var source = Path.Combine(BicepCli.RepositoryRoot, "src", "InterviewScheduler.Functions");
        var keyed = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("AuthorizationLevel.Function", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(IntakeKeys.Select(k => k.Function).Order(StringComparer.Ordinal), keyed);
        Assert.All(Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories), file =>
            Assert.DoesNotContain("AuthorizationLevel.Admin", File.ReadAllText(file), StringComparison.Ordinal));

        var hook = File.ReadAllText(Hook);
        Assert.All(IntakeKeys, k => Assert.Contains($"ensure_key {k.Function} {k.Key}\n", hook, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("infra/README.md")]
    [InlineData("infra/teams/README.md")]
    public void No_document_hands_out_host_or_master_keys(string document)
    {
        var text = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, document));

        // `az functionapp keys list` prints the host keys (default, _master); the intake keys are per function.
        Assert.DoesNotContain("az functionapp keys list", text, StringComparison.Ordinal);
        Assert.DoesNotContain("functionapp keys set", text, StringComparison.Ordinal);
        // Host keys may be named only to say they are never handed out.
        var sentences = System.Text.RegularExpressions.Regex.Split(text, @"(?<=\.)\s+|\n\s*\n");
        Assert.All(sentences.Where(s => System.Text.RegularExpressions.Regex.IsMatch(s, @"(?i)host keys?\b|_master|master key")), sentence =>
            Assert.Matches(@"(?i)\bnever\b", sentence));
    }
}
