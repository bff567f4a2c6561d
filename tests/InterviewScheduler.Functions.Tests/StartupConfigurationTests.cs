using InterviewScheduler.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Tests;

public sealed class StartupConfigurationTests
{
    private static Dictionary<string, string?> CompleteSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Graph:BaseUrl"] = "http://localhost:7072/v1.0",
        ["Graph:Auth"] = "None",
        ["Mail:SenderMailbox"] = "recruiting@contoso.com",
        ["Scheduling:OrganizerMailbox"] = "interviews@contoso.com",
        ["Debrief:ReconcileSchedule"] = "0 */15 * * * *",
    };

    [Fact]
    public async Task Starts_with_every_setting_present()
    {
        using var host = Build(CompleteSettings());

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Mail:SenderMailbox")]
    [InlineData("Scheduling:OrganizerMailbox")]
    [InlineData("Debrief:ReconcileSchedule")]
    public async Task Start_up_fails_naming_a_missing_required_setting(string key)
    {
        var settings = CompleteSettings();
        settings.Remove(key);
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Intake:Greenhouse:SecretKey", "too-short")]
    [InlineData("Intake:MaxPerRecipientPerDay", "0")]
    [InlineData("Intake:RecruiterDomains", "contoso.com, not a domain")]
    public async Task Start_up_fails_naming_an_invalid_intake_setting(string key, string value)
    {
        var settings = CompleteSettings();
        settings[key] = value;
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recruiter_domains_default_to_the_configured_mailboxes_domains()
    {
        var settings = CompleteSettings();
        settings["Scheduling:OrganizerMailbox"] = "interviews@Fabrikam.example";
        settings["Debrief:RecruiterMailbox"] = "talent@contoso.com";
        using var host = Build(settings);

        var limits = host.Services.GetRequiredService<IOptions<InterviewScheduler.Core.Applications.IntakeLimits>>().Value;

        Assert.Equal(["contoso.com", "fabrikam.example"], limits.RecruiterDomainList);
    }

    [Fact]
    public void Start_up_fails_naming_a_missing_storage_setting()
    {
        var settings = CompleteSettings();
        settings.Remove("AzureWebJobsStorage");

        var failure = Assert.Throws<InvalidOperationException>(() => Build(settings));

        Assert.Contains("AzureWebJobsStorage", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_refuses_unauthenticated_graph_calls_to_a_real_endpoint()
    {
        var settings = CompleteSettings();
        settings["Graph:BaseUrl"] = "https://graph.microsoft.com/v1.0";
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Graph:Auth=None", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_names_each_missing_client_secret_setting()
    {
        var settings = CompleteSettings();
        settings["Graph:BaseUrl"] = "https://graph.microsoft.com/v1.0";
        settings["Graph:Auth"] = "ClientSecret";
        settings["Graph:TenantId"] = "00000000-0000-0000-0000-000000000001";
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Graph:ClientId", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientSecret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Graph:TenantId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_based_storage_settings_are_accepted_without_a_connection_string()
    {
        var settings = CompleteSettings();
        settings.Remove("AzureWebJobsStorage");
        settings["AzureWebJobsStorage:accountName"] = "interviewscheduler";
        settings["AzureWebJobsStorage:credential"] = "managedidentity";
        settings["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000002";

        using var host = Build(settings);

        var queue = host.Services.GetRequiredService<InterviewScheduler.Storage.Connection.StorageAccount>().Queue("acknowledgments");
        Assert.Equal(new Uri("https://interviewscheduler.queue.core.windows.net/acknowledgments"), queue.Uri);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInterviewScheduler(builder.Configuration);
        return builder.Build();
    }
}
