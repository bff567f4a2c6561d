namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// The notification client state (app setting Notifications__ClientState) stays the same across provisions of one azd
/// environment: Graph's subscription keeps echoing the secret it was created with, so a new one on every provision
/// would have the app drop every notification until the subscription is replaced.
/// </summary>
[Collection(TemplateDeploymentFixture.Name)]
public sealed class NotificationClientStateTests(TemplateDeployment deployment)
{
    private const string Setting = "Notifications__ClientState";
    private const string VaultSecret = "notification-client-state";
    private static readonly string Hook = Path.Combine(BicepCli.InfraDirectory, "scripts", "ensure-generated-secrets.sh");

    [Fact]
    public async Task Two_provisions_of_one_environment_deploy_the_same_client_state()
    {
        // As `azd provision` does twice: the preprovision hook, then the template with the environment's values.
        // The value goes to the deployment's Key Vault; the setting is a reference to it, the same on every provision.
        using var azd = new FakeAzd(ScriptTests.NewEnvironment);
        var stored = new List<string>();
        var settings = new List<string>();
        for (var provision = 0; provision < 2; provision++)
        {
            var hook = await azd.RunHookAsync(Hook);
            Assert.True(hook.ExitCode == 0, hook.ToString());
            await using var provisioned = await TemplateDeployment.ProvisionAsync(azd.Values);
            stored.Add(provisioned.VaultSecrets[VaultSecret]);
            settings.Add(provisioned.AppSettings[Setting]);
        }

        Assert.Equal(azd.Values["NOTIFICATION_CLIENT_STATE"], stored[0]);
        Assert.Equal(stored[0], stored[1]);
        Assert.InRange(stored[0].Length, 16, 128);
        Assert.Matches(@"^@Microsoft\.KeyVault\(SecretUri=https://kv-[a-z0-9-]+\.vault\.azure\.net/secrets/notification-client-state\)$", settings[0]);
        Assert.Equal(settings[0], settings[1]);
        Assert.DoesNotContain(stored[0], settings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_vault_secret_uri_deploys_a_key_vault_reference_instead_of_the_value()
    {
        const string uri = "https://kv-interviews.vault.azure.net/secrets/notification-client-state";
        var environment = new Dictionary<string, string>(ScriptTests.NewEnvironment)
        {
            ["NOTIFICATION_CLIENT_STATE_URI"] = uri,
            ["NOTIFICATION_CLIENT_STATE"] = "an-older-value-0123456789",
        };

        await using var provisioned = await TemplateDeployment.ProvisionAsync(environment);

        Assert.Equal($"@Microsoft.KeyVault(SecretUri={uri})", provisioned.AppSettings[Setting]);
        Assert.False(provisioned.VaultSecrets.ContainsKey(VaultSecret)); // not copied into the deployment's vault
    }

    [Fact]
    public async Task Provisioning_without_a_client_state_fails_saying_what_to_set()
    {
        // The hook did not run (or failed): the deployment stops instead of deploying an app that cannot start.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TemplateDeployment.ProvisionAsync(ScriptTests.NewEnvironment));

        Assert.Contains("NOTIFICATION_CLIENT_STATE", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ensure-generated-secrets.sh", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_parameter_defaults_to_a_value_that_changes_on_every_deployment()
    {
        // newGuid() and utcNow() are evaluated anew by each deployment: a secret or name built on one would rotate.
        foreach (var (name, definition) in deployment.ArmTemplate["parameters"]!.AsObject())
        {
            var fallback = definition!["defaultValue"]?.ToJsonString() ?? "";
            Assert.False(fallback.Contains("newGuid(", StringComparison.OrdinalIgnoreCase) || fallback.Contains("utcNow(", StringComparison.OrdinalIgnoreCase),
                $"parameter {name} defaults to {fallback}");
        }
    }
}
