namespace InterviewScheduler.Infra.Tests;

/// <summary>The scripts azd runs parse, azure.yaml points at them, and they do what they say offline.</summary>
public sealed class ScriptTests
{
    private const string ClientStateName = "NOTIFICATION_CLIENT_STATE";
    private const string SigningKeyName = "SELF_SCHEDULING_SIGNING_KEY";
    private static readonly string GrantScript = Script("grant-graph-permissions.sh");
    private static readonly string SecretsHook = Script("ensure-generated-secrets.sh");

    /// <summary>An azd environment as <c>azd env new</c> and the README's first steps leave it.</summary>
    public static readonly IReadOnlyDictionary<string, string> NewEnvironment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AZURE_ENV_NAME"] = "interviews-test",
        ["AZURE_LOCATION"] = "swedencentral",
        ["MAIL_SENDER_MAILBOX"] = "recruiting@contoso.com",
        ["SCHEDULING_ORGANIZER_MAILBOX"] = "interviews@contoso.com",
    };

    /// <summary>Each hook script and the interpreter its first line names.</summary>
    public static TheoryData<string, string> HookInterpreters() => new()
    {
        { "grant-graph-permissions.sh", "bash" },
        { "ensure-generated-secrets.sh", "sh" },
        { "register-recruiter-sign-in.sh", "sh" },
        { "ensure-intake-keys.sh", "sh" },
    };

    /// <summary>Each hook script, its first line, and the line that makes it stop at the first error.</summary>
    public static TheoryData<string, string, string> HookHeaders() => new()
    {
        { "grant-graph-permissions.sh", "#!/usr/bin/env bash", "set -euo pipefail" },
        { "ensure-generated-secrets.sh", "#!/bin/sh", "set -eu" },
        { "register-recruiter-sign-in.sh", "#!/bin/sh", "set -eu" },
        { "ensure-intake-keys.sh", "#!/bin/sh", "set -eu" },
    };

    [Theory]
    [MemberData(nameof(HookInterpreters))]
    public async Task Each_hook_script_parses(string script, string interpreter)
    {
        var result = await Shell.RunAsync(interpreter, ["-n", Script(script)]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(HookHeaders))]
    public void Each_hook_script_is_executable_and_strict(string script, string shebang, string strict)
    {
        var path = Script(script);
        var text = File.ReadAllText(path);
        Assert.StartsWith(shebang + "\n", text, StringComparison.Ordinal);
        Assert.Contains("\n" + strict + "\n", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), "chmod +x the script (git keeps the bit)");
        }
    }

    [Fact]
    public async Task The_grant_script_stops_without_the_identity()
    {
        // Runs offline: the script checks its input before it calls the Azure CLI.
        var result = await Shell.RunAsync("bash", [GrantScript], new Dictionary<string, string?>
        {
            ["MANAGED_IDENTITY_PRINCIPAL_ID"] = null,
            ["GRANT_GRAPH_PERMISSIONS"] = null,
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MANAGED_IDENTITY_PRINCIPAL_ID", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_makes_the_secrets_before_provisioning_grants_permissions_and_registers_sign_in_after_and_makes_intake_keys_after_deploying()
    {
        var azureYaml = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));

        var preprovision = azureYaml.IndexOf("preprovision:", StringComparison.Ordinal);
        var postprovision = azureYaml.IndexOf("postprovision:", StringComparison.Ordinal);
        var postdeploy = azureYaml.IndexOf("postdeploy:", StringComparison.Ordinal);
        var makeSecrets = azureYaml.IndexOf("run: ./infra/scripts/ensure-generated-secrets.sh", StringComparison.Ordinal);
        var grant = azureYaml.IndexOf("run: ./infra/scripts/grant-graph-permissions.sh", StringComparison.Ordinal);
        var register = azureYaml.IndexOf("&& ./infra/scripts/register-recruiter-sign-in.sh", StringComparison.Ordinal);
        var keys = azureYaml.IndexOf("run: ./infra/scripts/ensure-intake-keys.sh", StringComparison.Ordinal);
        Assert.True(preprovision >= 0 && preprovision < makeSecrets && makeSecrets < postprovision && postprovision < grant && grant < register
            && register < postdeploy && postdeploy < keys,
            "azure.yaml: preprovision runs ensure-generated-secrets.sh, postprovision runs grant-graph-permissions.sh then " +
            "register-recruiter-sign-in.sh, postdeploy runs ensure-intake-keys.sh");
    }

    [Fact]
    public async Task The_secrets_hook_makes_a_signing_key_of_its_own_and_keeps_it_on_later_runs()
    {
        using var azd = new FakeAzd(NewEnvironment);

        var first = await azd.RunHookAsync(SecretsHook);
        var key = azd.Values[SigningKeyName];
        var second = await azd.RunHookAsync(SecretsHook);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches("^[0-9a-f]{64}$", key); // the app needs 32 characters or more
        Assert.NotEqual(azd.Values[ClientStateName], key);
        Assert.Equal(key, azd.Values[SigningKeyName]);
        Assert.Single(azd.Calls, c => c.StartsWith($"env set {SigningKeyName} ", StringComparison.Ordinal));
        Assert.DoesNotContain(key, first.StandardOutput + first.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secrets_hook_makes_no_signing_key_when_a_key_vault_uri_is_set()
    {
        const string uri = "https://kv-interviews.vault.azure.net/secrets/self-scheduling-signing-key";
        using var azd = new FakeAzd(new Dictionary<string, string>(NewEnvironment) { [SigningKeyName + "_URI"] = uri });

        var result = await azd.RunHookAsync(SecretsHook);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(azd.Values.ContainsKey(SigningKeyName));
        Assert.True(azd.Values.ContainsKey(ClientStateName)); // each secret is decided on its own
    }

    [Fact]
    public async Task The_client_state_hook_stores_a_random_value_once_and_keeps_it_on_later_runs()
    {
        using var azd = new FakeAzd(NewEnvironment);

        var first = await azd.RunHookAsync(SecretsHook);
        var stored = azd.Values[ClientStateName];
        var second = await azd.RunHookAsync(SecretsHook);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches("^[0-9a-f]{64}$", stored); // Graph allows 128 characters; the app needs 16
        Assert.Equal(stored, azd.Values[ClientStateName]);
        Assert.Single(azd.Calls, c => c.StartsWith($"env set {ClientStateName} ", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, first.StandardOutput + first.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_by_hand_the_client_state_hook_keeps_the_value_azd_already_has()
    {
        // Outside azd the values are not in the script's environment: it must ask azd, not make a new secret.
        using var azd = new FakeAzd(new Dictionary<string, string>(NewEnvironment) { [ClientStateName] = "kept-client-state-0123456789" });

        var result = await azd.RunHookAsync(SecretsHook, injectValues: false);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("kept-client-state-0123456789", azd.Values[ClientStateName]);
        Assert.DoesNotContain(azd.Calls, c => c.StartsWith($"env set {ClientStateName} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_client_state_hook_makes_no_value_when_a_key_vault_uri_is_set()
    {
        const string uri = "https://kv-interviews.vault.azure.net/secrets/notification-client-state";
        using var azd = new FakeAzd(new Dictionary<string, string>(NewEnvironment) { ["NOTIFICATION_CLIENT_STATE_URI"] = uri });

        var result = await azd.RunHookAsync(SecretsHook);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(azd.Values.ContainsKey(ClientStateName));
        Assert.DoesNotContain(azd.Calls, c => c.StartsWith($"env set {ClientStateName} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clearing_the_client_state_makes_the_next_run_store_a_new_one()
    {
        // The rotation infra/README.md describes: azd env set NOTIFICATION_CLIENT_STATE "" && azd provision.
        using var azd = new FakeAzd(new Dictionary<string, string>(NewEnvironment) { [ClientStateName] = "" });

        var result = await azd.RunHookAsync(SecretsHook);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches("^[0-9a-f]{64}$", azd.Values[ClientStateName]);
    }

    private static string Script(string name) => Path.Combine(BicepCli.InfraDirectory, "scripts", name);
}
