using System.Net;
using Microsoft.Graph.Models;

namespace InterviewScheduler.Sandbox.Tests.Page;

public sealed class TenantPageTests
{
    [Fact]
    public async Task Page_shows_people_events_and_mail_and_encodes_what_came_from_requests()
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = new DateOnly(2026, 3, 2), TimeProvider = new FixedClock(now) });
        var client = Graph.For(server);
        await client.Users["interviews@contoso.com"].Events.PostAsync(
            Graph.Meeting("<script>alert('x')</script> Interview", new DateTime(2026, 3, 3, 10, 0, 0), TimeSpan.FromMinutes(45), "lead.engineer@contoso.com"));
        await client.Users["recruiting@contoso.com"].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = new Message { Subject = "Thanks <b>Ada</b>", ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "ada@example.com" } }] },
        });

        using var http = new HttpClient();
        using var answer = await http.GetAsync(server.RootUrl);
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ada</b>", html, StringComparison.Ordinal);
        Assert.Contains("Amelia Hart", html, StringComparison.Ordinal);
        Assert.Contains("Asia/Kolkata", html, StringComparison.Ordinal);
        Assert.Contains("Platform standup", html, StringComparison.Ordinal);
        Assert.Contains("ada@example.com", html, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
