using System.Net.Http.Json;
using System.Text.Json;
using InterviewScheduler.Sandbox.Seeding;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace InterviewScheduler.Sandbox.Tests.Mail;

/// <summary><c>sendMail</c>, with sent messages filed at once (the delay before filing is <see cref="DraftTests"/>' subject).</summary>
public sealed class SendMailTests : IClassFixture<SeededSandbox>
{
    private readonly SeededSandbox sandbox;

    public SendMailTests(SeededSandbox sandbox)
    {
        this.sandbox = sandbox;
        sandbox.Server.Tenant.SentItemsDelay = TimeSpan.Zero;
    }

    private const string MarkerId = "String {6f1d3c2a-8a41-4e0f-9a53-2b8e7c1d4f60} Name AcknowledgmentMarker";

    private static SendMailPostRequestBody Mail(string subject, string to, string marker) => new()
    {
        Message = new Message
        {
            Subject = subject,
            Body = new ItemBody { ContentType = BodyType.Text, Content = "Thank you for applying." },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to, Name = "Candidate" } }],
            InternetMessageHeaders = [new InternetMessageHeader { Name = "X-Application-Id", Value = marker }],
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkerId, Value = marker }],
        },
        SaveToSentItems = true,
    };

    [Fact]
    public async Task Sent_mail_lands_in_Sent_Items_and_is_found_again_by_its_extended_property()
    {
        await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].SendMail.PostAsync(Mail("Thanks for applying", "ada@example.com", "app-ada"));
        await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].SendMail.PostAsync(Mail("Thanks for applying", "bob@example.com", "app-bob"));

        var found = await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].MailFolders["SentItems"].Messages.GetAsync(c =>
        {
            c.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerId}' and ep/value eq 'app-ada')";
            c.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{MarkerId}')"];
        });

        var message = Assert.Single(found!.Value!);
        Assert.Equal("ada@example.com", message.ToRecipients?.Single().EmailAddress?.Address);
        Assert.Equal("app-ada", message.SingleValueExtendedProperties?.Single().Value);
        Assert.False(string.IsNullOrEmpty(message.InternetMessageId));

        var byMessageId = await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].MailFolders["sentitems"].Messages.GetAsync(c =>
        {
            c.QueryParameters.Filter = $"internetMessageId eq '{message.InternetMessageId}'";
            c.QueryParameters.Select = ["subject", "internetMessageHeaders"];
        });
        var same = Assert.Single(byMessageId!.Value!);
        // Internet headers do not exist on the Sent Items copy (microsoft-graph-docs issue 2716).
        Assert.Empty(same.InternetMessageHeaders ?? []);
    }

    [Fact]
    public async Task Without_SaveToSentItems_true_the_SDK_sends_false_and_nothing_lands_in_Sent_Items()
    {
        // The SDK serializes an unset SaveToSentItems as false; Graph then keeps no copy. Callers must set it.
        var body = new SendMailPostRequestBody { Message = Mail("Not kept", "erin@example.com", "app-erin").Message };
        await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].SendMail.PostAsync(body);

        var found = await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].MailFolders["SentItems"].Messages.GetAsync(c =>
            c.QueryParameters.Filter = "subject eq 'Not kept'");
        Assert.Empty(found!.Value!);
        Assert.Contains(sandbox.Server.Tenant.SentMail(), m => m.Subject == "Not kept");
    }

    [Fact]
    public async Task Internal_recipient_receives_the_message_in_their_inbox()
    {
        await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].SendMail.PostAsync(Mail("New application for review", SandboxCompany.RecruiterMailbox, "app-inbox"));

        var inbox = await sandbox.Client.Users[SandboxCompany.RecruiterMailbox].MailFolders["inbox"].Messages.GetAsync(c =>
            c.QueryParameters.Filter = "subject eq 'New application for review'");
        var received = Assert.Single(inbox!.Value!);
        Assert.Equal(SandboxCompany.RecruitingMailbox, received.From?.EmailAddress?.Address);
    }

    [Fact]
    public async Task OData_key_spelling_of_the_folder_is_understood()
    {
        await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].SendMail.PostAsync(Mail("Key spelling", "carol@example.com", "app-carol"));
        using var http = new HttpClient();
        var url = new Uri(sandbox.Server.GraphBaseUrl + "/users('recruiting%40contoso.com')/mailFolders('SentItems')/messages?$filter=subject eq 'Key spelling'");

        using var answer = await http.GetAsync(url);
        answer.EnsureSuccessStatusCode();
        var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, json.GetProperty("value").GetArrayLength());
        Assert.Contains("$metadata#", json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_mail_answers_202_and_logs_the_body_size()
    {
        await sandbox.Client.Users[SandboxCompany.RecruitingMailbox].SendMail.PostAsync(Mail("Logged", "dan@example.com", "app-dan"));

        var entry = sandbox.Server.Tenant.RequestLog.Last(r => r.Path.EndsWith("/sendMail", StringComparison.Ordinal));
        Assert.Equal(202, entry.Status);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/v1.0/users/recruiting@contoso.com/sendMail", entry.Path);
        Assert.True(entry.RequestBodyBytes > 100);
    }
}
