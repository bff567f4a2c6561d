using System.Text.Json;
using InterviewScheduler.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// The Function App's settings in the template are enough for the app to start: the same composition and start-up
/// validation the Functions host runs (<see cref="InterviewSchedulerServices.AddInterviewScheduler"/>), fed only
/// what the template sets.
/// </summary>
[Collection(TemplateDeploymentFixture.Name)]
public sealed class AppSettingsTests(TemplateDeployment deployment)
{
    /// <summary>The settings without which the app refuses to start, and the name its error gives.</summary>
    private static readonly (string Setting, string Named)[] Required =
    [
        ("AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage"),
        ("AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage"),
        ("Mail__SenderMailbox", "Mail:SenderMailbox"),
        ("Scheduling__OrganizerMailbox", "Scheduling:OrganizerMailbox"),
        ("Debrief__ReconcileSchedule", "Debrief:ReconcileSchedule"),
        ("Notifications__ClientState", "Notifications:ClientState"),
    ];

    public static TheoryData<string, string> RequiredSettings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (setting, named) in Required)
        {
            data.Add(setting, named);
        }

        return data;
    }

    [Fact]
    public async Task The_app_starts_with_the_settings_the_template_sets()
    {
        using var host = BuildHost(deployment.AppSettings);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public async Task Start_up_fails_without_a_required_setting(string setting, string named)
    {
        Assert.True(deployment.AppSettings.ContainsKey(setting), $"the template does not set {setting}");
        var settings = deployment.AppSettings.Where(s => s.Key != setting).ToDictionary();

        var failure = await StartUpFailureAsync(settings);

        Assert.NotNull(failure);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_the_required_settings_are_needed_to_start()
    {
        // Removing each setting in turn: keeps RequiredSettings truthful as the app gains settings.
        var needed = new List<string>();
        foreach (var setting in deployment.AppSettings.Keys)
        {
            if (await StartUpFailureAsync(deployment.AppSettings.Where(s => s.Key != setting).ToDictionary()) is not null)
            {
                needed.Add(setting);
            }
        }

        Assert.Equal(Required.Select(r => r.Setting).Order(StringComparer.Ordinal), needed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_local_setting_has_its_azure_counterpart()
    {
        // local.settings.example.json lists what a developer sets; Azure needs the same, in identity-based form.
        var example = Path.Combine(BicepCli.RepositoryRoot, "src", "InterviewScheduler.Functions", "local.settings.example.json");
        using var document = JsonDocument.Parse(File.ReadAllText(example));
        foreach (var setting in document.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name))
        {
            switch (setting)
            {
                case "FUNCTIONS_WORKER_RUNTIME":
                    // Flex Consumption takes the runtime from functionAppConfig.runtime and rejects this setting.
                    Assert.DoesNotContain(setting, deployment.AppSettings.Keys);
                    break;
                case "AzureWebJobsStorage":
                    Assert.DoesNotContain(setting, deployment.AppSettings.Keys); // no connection string with a key
                    Assert.Equal("managedidentity", deployment.AppSettings["AzureWebJobsStorage__credential"]);
                    break;
                default:
                    Assert.True(deployment.AppSettings.ContainsKey(setting), $"the template does not set {setting}");
                    break;
            }
        }
    }

    [Fact]
    public void Storage_and_graph_use_the_user_assigned_identity()
    {
        var settings = deployment.AppSettings;
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(TemplateDeployment.IdentityClientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("ManagedIdentity", settings["Graph__Auth"]);
        Assert.Equal(TemplateDeployment.IdentityClientId, settings["Graph__ClientId"]);
        Assert.Equal("https://graph.microsoft.com/v1.0", settings["Graph__BaseUrl"]);
        Assert.Equal($"ClientId={TemplateDeployment.IdentityClientId};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.StartsWith("InstrumentationKey=", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);

        var account = (string)deployment.TheOne("Microsoft.Storage/storageAccounts")["name"]!;
        Assert.Equal($"https://{account}.blob.core.windows.net", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal($"https://{account}.queue.core.windows.net", settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal($"https://{account}.table.core.windows.net", settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.DoesNotContain(settings, s => s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_notification_url_is_the_deployed_apps_own_host()
    {
        var app = (string)deployment.TheOne("Microsoft.Web/sites")["name"]!;

        Assert.Equal($"https://{app}.azurewebsites.net/api/notifications/calendar", deployment.AppSettings["Notifications__PublicUrl"]);
    }

    [Fact]
    public void Settings_for_later_features_have_safe_defaults()
    {
        Assert.Equal("30", deployment.AppSettings["Debrief__DurationMinutes"]);
        Assert.Equal("", deployment.AppSettings["Intake__SigningSecret"]);
        // No Greenhouse key until one is given: the route answers 503 and accepts nothing unsigned.
        Assert.Equal("", deployment.AppSettings["Intake__Greenhouse__SecretKey"]);
        Assert.Equal("3", deployment.AppSettings["Intake__MaxPerRecipientPerDay"]);
        Assert.Equal("", deployment.AppSettings["Intake__RecruiterDomains"]);
    }

    [Fact]
    public void Settings_that_flex_consumption_rejects_are_absent()
    {
        // Flex Consumption sets these itself (runtime, package, scale) and fails a deployment that sets them.
        string[] rejected =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION",
            "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
            "WEBSITE_NODE_DEFAULT_VERSION", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT", "SCM_DO_BUILD_DURING_DEPLOYMENT",
        ];
        Assert.Empty(deployment.AppSettings.Keys.Intersect(rejected));
    }

    private static async Task<Exception?> StartUpFailureAsync(IReadOnlyDictionary<string, string> settings)
    {
        try
        {
            using var host = BuildHost(settings);
            await host.StartAsync();
            await host.StopAsync();
            return null;
        }
        catch (Exception failure) when (failure is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            return failure;
        }
    }

    /// <summary>A host configured only from the given app settings, as the Functions host maps them (<c>__</c> → <c>:</c>).</summary>
    private static IHost BuildHost(IReadOnlyDictionary<string, string> appSettings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(
            appSettings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), (string?)s.Value)));
        builder.Services.AddInterviewScheduler(builder.Configuration);
        return builder.Build();
    }
}
