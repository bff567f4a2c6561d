using System.Text.Json.Nodes;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// Least privilege as deployed: the app accepts TLS 1.2+ over HTTPS only, nobody publishes with a user name and
/// password, and every secret is a Key Vault reference to a vault only the app's identity may read.
/// </summary>
[Collection(TemplateDeploymentFixture.Name)]
public sealed class HardeningTests(TemplateDeployment deployment)
{
    /// <summary>Each secret's app setting and its name in the deployment's Key Vault.</summary>
    public static TheoryData<string, string> Secrets() => new()
    {
        { "Notifications__ClientState", "notification-client-state" },
        { "SelfScheduling__SigningKey", "self-scheduling-signing-key" },
        { "Intake__Greenhouse__SecretKey", "greenhouse-secret-key" },
        { "Intake__SigningSecret", "intake-signing-secret" },
    };

    /// <summary>An azd environment after the preprovision hook, with the optional secrets given too.</summary>
    private static Dictionary<string, string> EverySecretGiven() => new(ScriptTests.NewEnvironment)
    {
        ["NOTIFICATION_CLIENT_STATE"] = "client-state-0123456789abcdef",
        ["SELF_SCHEDULING_SIGNING_KEY"] = "signing-key-0123456789abcdef0123456789abcdef",
        ["GREENHOUSE_SECRET_KEY"] = "greenhouse-key-0123456789",
        ["INTAKE_SIGNING_SECRET"] = "intake-secret-0123456789",
    };

    [Fact]
    public void The_app_takes_https_and_tls_1_2_only_and_no_ftp()
    {
        var site = deployment.TheOne("Microsoft.Web/sites")["properties"]!;
        var config = site["siteConfig"]!;

        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("1.2", (string?)config["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.False((bool)config["remoteDebuggingEnabled"]!);
    }

    [Fact]
    public void Basic_auth_publishing_is_off_for_scm_and_ftp()
    {
        var site = (string)deployment.TheOne("Microsoft.Web/sites")["name"]!;
        var policies = deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(p => (string)p["name"]!, p => (bool)p["properties"]!["allow"]!);

        Assert.Equal(new Dictionary<string, bool> { [$"{site}/ftp"] = false, [$"{site}/scm"] = false }, policies);
    }

    [Fact]
    public void The_vault_uses_azure_rbac_with_soft_delete_and_purge_protection()
    {
        var vault = deployment.TheOne("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.Equal(90, (int)vault["softDeleteRetentionInDays"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
        Assert.False((bool)vault["enabledForTemplateDeployment"]!);
    }

    [Fact]
    public async Task Purge_protection_can_be_left_off_for_a_throwaway_environment()
    {
        // Key Vault refuses an explicit false; the property is left out instead.
        var environment = new Dictionary<string, string>(EverySecretGiven()) { ["KEY_VAULT_PURGE_PROTECTION"] = "false" };

        await using var provisioned = await TemplateDeployment.ProvisionAsync(environment);

        Assert.Null(provisioned.TheOne("Microsoft.KeyVault/vaults")["properties"]!["enablePurgeProtection"]);
    }

    [Fact]
    public void Only_the_apps_identity_may_read_the_secrets_and_only_in_this_vault()
    {
        var vault = deployment.TheOne("Microsoft.KeyVault/vaults");
        var identity = (string)deployment.TheOne("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        var secretRoles = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => ((string)a["properties"]!["roleDefinitionId"]!).EndsWith(TemplateResourceTests.KeyVaultSecretsUser, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(secretRoles);
        Assert.Equal((string)vault["id"]!, TemplateResourceTests.Scope(assignment), ignoreCase: true);
        Assert.Equal(TemplateDeployment.IdentityPrincipalId, deployment.Evaluate(assignment["properties"]!["principalId"]));
        // App Service resolves the references as that identity.
        Assert.Equal(identity, (string?)deployment.TheOne("Microsoft.Web/sites")["properties"]!["keyVaultReferenceIdentity"]);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task Each_secret_setting_is_a_key_vault_reference_to_its_secret_in_the_deployments_vault(string setting, string secret)
    {
        var environment = EverySecretGiven();

        await using var provisioned = await TemplateDeployment.ProvisionAsync(environment);

        var vault = (string)provisioned.TheOne("Microsoft.KeyVault/vaults")["name"]!;
        Assert.Equal($"@Microsoft.KeyVault(SecretUri=https://{vault}.vault.azure.net/secrets/{secret})", provisioned.AppSettings[setting]);
        Assert.Contains(provisioned.VaultSecrets[secret], environment.Values);
        Assert.DoesNotContain(provisioned.AppSettings.Values, value => value.Contains(provisioned.VaultSecrets[secret], StringComparison.Ordinal));
        Assert.DoesNotContain(provisioned.Outputs.Values, value => value.Contains(provisioned.VaultSecrets[secret], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_optional_secret_not_given_is_neither_stored_nor_referenced()
    {
        // The Greenhouse route then answers 503 and intake needs no signature: no reference to a secret that is absent
        // (App Service would pass the reference text itself to the app as the secret).
        var environment = new Dictionary<string, string>(ScriptTests.NewEnvironment)
        {
            ["NOTIFICATION_CLIENT_STATE"] = "client-state-0123456789abcdef",
            ["SELF_SCHEDULING_SIGNING_KEY"] = "signing-key-0123456789abcdef0123456789abcdef",
        };

        await using var provisioned = await TemplateDeployment.ProvisionAsync(environment);

        Assert.Equal("", provisioned.AppSettings["Intake__Greenhouse__SecretKey"]);
        Assert.Equal("", provisioned.AppSettings["Intake__SigningSecret"]);
        Assert.Equal(["notification-client-state", "self-scheduling-signing-key"], provisioned.VaultSecrets.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Secret_parameters_are_secure_and_none_is_output()
    {
        string[] secrets = ["notificationClientState", "selfSchedulingSigningKey", "greenhouseSecretKey", "intakeSigningSecret"];
        var parameters = deployment.ArmTemplate["parameters"]!.AsObject();

        Assert.All(secrets, name => Assert.Equal("securestring", ((string?)parameters[name]!["type"])?.ToLowerInvariant()));
        var outputs = deployment.ArmTemplate["outputs"]!.ToJsonString();
        Assert.All(secrets, name => Assert.DoesNotContain($"parameters('{name}')", outputs, StringComparison.Ordinal));
    }

    [Fact]
    public void No_setting_holds_a_secret_value_in_the_example_deployment()
    {
        // The example deployment gives a client state and a signing key (@metadata example values).
        Assert.NotEmpty(deployment.VaultSecrets);
        foreach (var (name, value) in deployment.VaultSecrets)
        {
            Assert.DoesNotContain(deployment.AppSettings, s => s.Value.Contains(value, StringComparison.Ordinal));
            Assert.Contains(deployment.AppSettings, s => s.Value.EndsWith($"/secrets/{name})", StringComparison.Ordinal));
        }
    }
}
