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
        ["Notifications:ClientState"] = "a-client-state-of-16+",
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
    [InlineData("Mail:SenderMailbox", "recruiting")]
    [InlineData("Mail:SenderMailboxes:0", "recruiting-2")]
    [InlineData("Mail:MessagesPerMinute", "-1")]
    [InlineData("Mail:RecipientsPerDay", "0")]
    [InlineData("Mail:ConcurrentRequestsPerMailbox", "-1")]
    [InlineData("Mail:RequestTimeoutSeconds", "0")]
    [InlineData("Mail:RequestTimeoutSeconds", "301")]
    [InlineData("Mail:RetryHorizonHours", "0")]
    [InlineData("Mail:RetryHorizonHours", "168.5")]
    [InlineData("Mail:TemplateDirectory", "/no/such/folder")]
    [InlineData("Scheduling:OrganizerMailbox", "interviews@")]
    [InlineData("Scheduling:MinimumNoticeMinutes", "-1")]
    [InlineData("Scheduling:TemplateDirectory", "/no/such/folder")]
    [InlineData("Intake:Greenhouse:SecretKey", "too-short")]
    [InlineData("Privacy:RetentionDays", "-1")]
    [InlineData("Privacy:RetentionDays", "3651")]
    [InlineData("Intake:Greenhouse:SecretKey", "                ")]
    [InlineData("Intake:MaxPerRecipientPerDay", "0")]
    [InlineData("Intake:MaxPerRecipientPerDay", "1001")]
    [InlineData("Intake:RecruiterDomains", "contoso.com, not a domain")]
    [InlineData("Intake:RecruiterDomains", "localhost")]
    [InlineData("Debrief:DurationMinutes", "4")]
    [InlineData("Debrief:DurationMinutes", "241")]
    [InlineData("Debrief:GapMinutes", "-1")]
    [InlineData("Debrief:GapMinutes", "241")]
    [InlineData("Debrief:SearchHours", "-1")]
    [InlineData("Debrief:SearchHours", "13")]
    [InlineData("Debrief:RecruiterMailbox", "talent.recruiter")]
    [InlineData("Debrief:ReconcileSchedule", "*/15 * * *")]
    [InlineData("Debrief:ReconcileSchedule", "0 0 */15 * * * *")]
    [InlineData("Notifications:PublicUrl", "http://scheduler.contoso.com/api/notifications/calendar")]
    [InlineData("Notifications:PublicUrl", "api/notifications/calendar")]
    [InlineData("Graph:BaseUrl", "http://graph.contoso.com/v1.0")]
    [InlineData("Graph:BaseUrl", "v1.0")]
    [InlineData("SelfScheduling:SigningKey", "thirty-one-characters-is-too-sh")]
    [InlineData("SelfScheduling:PublicBaseUrl", "http://interviews.contoso.com")]
    public async Task Start_up_fails_naming_an_invalid_setting(string key, string value)
    {
        var settings = CompleteSettings();
        settings["Graph:Auth"] = "ManagedIdentity"; // Auth=None would fail too with any Graph:BaseUrl but the sandbox's.
        settings[key] = value;
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var setting = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;
        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
        Assert.Single(failure.Failures);
    }

    [Theory]
    [InlineData("Mail:MessagesPerMinute", "0")]
    [InlineData("Mail:ConcurrentRequestsPerMailbox", "0")]
    [InlineData("Mail:RequestTimeoutSeconds", "300")]
    [InlineData("Mail:RetryHorizonHours", "168")]
    [InlineData("Mail:RetryHorizonHours", "0.01")]
    [InlineData("Scheduling:MinimumNoticeMinutes", "0")]
    [InlineData("Debrief:DurationMinutes", "5")]
    [InlineData("Debrief:DurationMinutes", "240")]
    [InlineData("Debrief:SearchHours", "0")]
    [InlineData("Debrief:SearchHours", "12")]
    [InlineData("Debrief:RecruiterMailbox", " ")]
    [InlineData("Debrief:ReconcileSchedule", "*/15 * * * *")]
    [InlineData("Intake:MaxPerRecipientPerDay", "1000")]
    [InlineData("Intake:RecruiterDomains", "contoso.com, @fabrikam.com")]
    [InlineData("Notifications:PublicUrl", "http://localhost:7071/api/notifications/calendar")]
    [InlineData("SelfScheduling:SigningKey", "thirty-two-characters-is-enough!")]
    [InlineData("SelfScheduling:PublicBaseUrl", "http://localhost:7071")]
    public async Task Starts_with_a_setting_at_the_edge_of_what_is_accepted(string key, string value)
    {
        var settings = CompleteSettings();
        settings[key] = value;
        using var host = Build(settings);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_up_fails_naming_a_client_state_too_short_for_the_public_url()
    {
        var settings = CompleteSettings();
        settings["Notifications:PublicUrl"] = "https://scheduler.contoso.com/api/notifications/calendar";
        settings["Notifications:ClientState"] = "fifteen-chars-x";
        using var host = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Notifications:ClientState", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_composition_brings_the_teams_meeting_check_to_whichever_host_starts_it()
    {
        using var host = Build(CompleteSettings());

        var check = Assert.Single(host.Services.GetServices<IHostedService>().OfType<InterviewScheduler.Functions.Health.TeamsMeetingCheck>());
        Assert.Same(host.Services.GetRequiredService<InterviewScheduler.Functions.Health.TeamsMeetingCheck>(), check);
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
