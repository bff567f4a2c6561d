using System.Text.Json.Nodes;

namespace InterviewScheduler.Infra.Tests;

/// <summary>What the template deploys: Flex Consumption, storage without keys, telemetry with Entra auth, least-privilege roles.</summary>
[Collection(TemplateDeploymentFixture.Name)]
public sealed class TemplateResourceTests(TemplateDeployment deployment)
{
    // Built-in role definition ids (the same in every tenant).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private const string RoleAssignmentsSegment = "/providers/Microsoft.Authorization/roleAssignments/";

    [Fact]
    public void The_function_app_runs_dotnet_10_isolated_on_flex_consumption()
    {
        var plan = deployment.TheOne("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var site = deployment.TheOne("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal((string?)plan["id"], (string?)site["properties"]!["serverFarmId"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
    }

    [Fact]
    public void The_app_runs_as_the_user_assigned_identity_and_deploys_from_its_container()
    {
        var identity = deployment.TheOne("Microsoft.ManagedIdentity/userAssignedIdentities");
        var site = deployment.TheOne("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([(string)identity["id"]!], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));

        var storage = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal((string?)identity["id"], (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);

        var packageUrl = deployment.Evaluate(storage["value"]);
        var container = packageUrl[(packageUrl.LastIndexOf('/') + 1)..];
        Assert.Equal($"{deployment.AppSettings["AzureWebJobsStorage__blobServiceUri"]}/{container}", packageUrl);
        Assert.Contains(ContainerNames(), name => name == container);
    }

    [Fact]
    public void Azd_finds_the_app_by_its_service_name()
    {
        var azureYaml = File.ReadAllLines(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));
        var services = Array.FindIndex(azureYaml, line => line.TrimEnd() == "services:");
        Assert.True(services >= 0, "azure.yaml has no services section");
        var service = azureYaml[services + 1].Trim().TrimEnd(':');

        Assert.Equal(service, (string?)deployment.TheOne("Microsoft.Web/sites")["tags"]!["azd-service-name"]);
        Assert.Contains(azureYaml, line => line.Trim() == "host: function");
        Assert.Contains(azureYaml, line => line.Trim() == "project: ./src/InterviewScheduler.Functions");
    }

    [Fact]
    public void Storage_accepts_only_entra_id_and_has_the_apps_queues()
    {
        var account = deployment.TheOne("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.All(Containers(), c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));

        var queues = deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => ((string)q["name"]!).Split('/')[^1]);
        Assert.Subset(queues.ToHashSet(), new HashSet<string> { "acknowledgments", "acknowledgments-poison", "calendar-changes", "calendar-changes-poison" });
    }

    [Fact]
    public void Telemetry_requires_entra_auth()
    {
        var workspace = deployment.TheOne("Microsoft.OperationalInsights/workspaces");
        var insights = deployment.TheOne("Microsoft.Insights/components")["properties"]!;

        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Equal((string?)workspace["id"], (string?)insights["WorkspaceResourceId"]);
        Assert.True((bool)workspace["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void The_identity_holds_exactly_the_roles_the_app_needs()
    {
        var account = (string)deployment.TheOne("Microsoft.Storage/storageAccounts")["id"]!;
        var insights = (string)deployment.TheOne("Microsoft.Insights/components")["id"]!;
        var vault = (string)deployment.TheOne("Microsoft.KeyVault/vaults")["id"]!;
        var expected = ContainerIds().Select(container => (StorageBlobDataOwner, container))
            .Append((StorageQueueDataContributor, account))
            .Append((StorageTableDataContributor, account))
            .Append((MonitoringMetricsPublisher, insights))
            .Append((KeyVaultSecretsUser, vault))
            .Order()
            .ToList();

        var assignments = deployment.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var actual = assignments.Select(a => (Role: ((string)a["properties"]!["roleDefinitionId"]!).Split('/')[^1], Scope: Scope(a))).Order().ToList();

        Assert.Equal(expected, actual);
        Assert.All(assignments, a =>
        {
            Assert.Equal(TemplateDeployment.IdentityPrincipalId, deployment.Evaluate(a["properties"]!["principalId"]));
            Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]);
            Assert.True(Guid.TryParse((string?)a["name"], out _), "role assignment names come from guid(...)");
        });
        Assert.Equal(assignments.Count, assignments.Select(a => (string?)a["name"]).Distinct().Count());
    }

    [Fact]
    public void Every_role_id_is_explained_where_it_is_used()
    {
        // Role ids are opaque: the line above each one in the templates says which role it is and why.
        string[] roles = [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher, KeyVaultSecretsUser];
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (roles.Any(role => lines[i].Contains(role, StringComparison.OrdinalIgnoreCase)))
                {
                    Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal),
                        $"{Path.GetFileName(file)}:{i + 1}: comment the role id on the line above");
                }
            }
        }
    }

    [Fact]
    public void The_outputs_give_the_grant_script_what_it_reads()
    {
        var script = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "scripts", "grant-graph-permissions.sh"));
        Assert.Contains("MANAGED_IDENTITY_PRINCIPAL_ID", script, StringComparison.Ordinal);

        Assert.Equal(TemplateDeployment.IdentityPrincipalId, deployment.Outputs["MANAGED_IDENTITY_PRINCIPAL_ID"]);
        Assert.Equal(TemplateDeployment.IdentityClientId, deployment.Outputs["MANAGED_IDENTITY_CLIENT_ID"]);
        Assert.Equal(deployment.AppSettings["Notifications__PublicUrl"], deployment.Outputs["NOTIFICATIONS_PUBLIC_URL"]);
    }

    public static string Scope(JsonObject assignment, string roleAssignmentsSegment = RoleAssignmentsSegment)
    {
        var id = (string)assignment["id"]!;
        return id[..id.LastIndexOf(roleAssignmentsSegment, StringComparison.OrdinalIgnoreCase)];
    }

    private IEnumerable<JsonObject> Containers() => deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

    private IEnumerable<string> ContainerNames() => Containers().Select(c => ((string)c["name"]!).Split('/')[^1]);

    private IEnumerable<string> ContainerIds() => Containers().Select(c => (string)c["id"]!);
}
