using InterviewScheduler.Sandbox.Seeding;
using Microsoft.Graph.Models.ODataErrors;

namespace InterviewScheduler.Sandbox.Tests.Users;

public sealed class UserTests(SeededSandbox sandbox) : IClassFixture<SeededSandbox>
{
    [Fact]
    public async Task User_is_found_by_address_in_any_case_and_by_id()
    {
        var byAddress = await sandbox.Client.Users["Lead.Engineer@Contoso.com"].GetAsync();
        Assert.NotNull(byAddress);
        Assert.Equal("lead.engineer@contoso.com", byAddress.Mail);
        Assert.Equal("lead.engineer@contoso.com", byAddress.UserPrincipalName);
        Assert.Equal("Amelia Hart", byAddress.DisplayName);

        var byId = await sandbox.Client.Users[byAddress.Id].GetAsync();
        Assert.Equal(byAddress.Mail, byId?.Mail);
    }

    [Fact]
    public async Task Mailbox_settings_report_time_zone_and_working_hours_as_configured()
    {
        var settings = await sandbox.Client.Users["backend.engineer@contoso.com"].MailboxSettings.GetAsync();
        Assert.NotNull(settings);
        Assert.Equal("Eastern Standard Time", settings.TimeZone);
        Assert.Equal("Eastern Standard Time", settings.WorkingHours?.TimeZone?.Name);
        Assert.Equal(new Microsoft.Kiota.Abstractions.Time(9, 0, 0), settings.WorkingHours?.StartTime);
        Assert.Equal(new Microsoft.Kiota.Abstractions.Time(17, 0, 0), settings.WorkingHours?.EndTime);
        Assert.Equal(5, settings.WorkingHours?.DaysOfWeek?.Count);
    }

    [Fact]
    public async Task Unknown_user_surfaces_as_ODataError_404_with_Graphs_code()
    {
        var directory = await Assert.ThrowsAsync<ODataError>(() => sandbox.Client.Users["nobody@contoso.com"].GetAsync());
        Assert.Equal(404, directory.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", directory.Error?.Code);

        var mailbox = await Assert.ThrowsAsync<ODataError>(() => sandbox.Client.Users["nobody@contoso.com"].Events.GetAsync());
        Assert.Equal(404, mailbox.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUser", mailbox.Error?.Code);
    }

    [Fact]
    public async Task Seeded_mailboxes_are_listed()
    {
        var users = await sandbox.Client.Users.GetAsync();
        var addresses = users?.Value?.Select(u => u.Mail).ToList() ?? [];
        Assert.Contains(SandboxCompany.RecruitingMailbox, addresses);
        Assert.Contains(SandboxCompany.OrganizerMailbox, addresses);
        Assert.Contains(SandboxCompany.RecruiterMailbox, addresses);
    }
}
