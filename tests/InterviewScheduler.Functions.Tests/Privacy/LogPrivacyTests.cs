using InterviewScheduler.Functions.Tests.Debriefs;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Functions.Tests.SelfScheduling;
using InterviewScheduler.Graph.Connection;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Privacy;

/// <summary>Logs carry ids, never a candidate's email, name or phone: the flow runs with every line captured and scanned.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task The_whole_flow_from_intake_to_erasure_logs_nothing_of_the_candidate()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        var logs = new LogSink();
        await using var app = await ErasureTests.StartAsync(
            clock,
            new Dictionary<string, string?>
            {
                ["SelfScheduling:SigningKey"] = new string('k', 40),
                ["SelfScheduling:PublicBaseUrl"] = "https://interviews.contoso.com",
            },
            services: s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));

        // Intake, acknowledgment, booking with its debrief.
        var (applicationId, interview) = await ErasureTests.BookedAsync(app);

        // The interview moves in Outlook: the notification, the sync, the debrief and the candidate's invite follow.
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddHours(2), interview.End.AddHours(2));
        Assert.Equal(202, FunctionRequests.StatusOf(await DebriefTests.NotifyAsync(app, interview.EventId)));
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        // A self-scheduling offer for a second panel, its options and the candidate's pick.
        Assert.Equal(201, FunctionRequests.StatusOf(await SelfSchedulingTests.OfferAsync(app, applicationId, ErasureTests.Panel(ErasureTests.Berlin))));
        var token = LinkToken(app);
        var options = Assert.IsType<Functions.SelfScheduling.CandidateOptionsAnswer>(Assert.IsType<OkObjectResult>(await SelfSchedulingTests.OptionsAsync(app, token)).Value);
        Assert.Equal(201, FunctionRequests.StatusOf(await SelfSchedulingTests.PickAsync(app, token, options.Options[0].Start)));

        // Erasure.
        Assert.IsType<NoContentResult>(await ErasureTests.DeleteAsync(app, applicationId));

        Assert.NotEmpty(logs.Lines);
        foreach (var line in logs.Lines)
        {
            foreach (var personal in ErasureTests.CandidateData.Append("example.org"))
            {
                Assert.False(line.Message.Contains(personal, StringComparison.OrdinalIgnoreCase), $"{line.Category}: {line.Message}");
                Assert.False(line.Exception?.Contains(personal, StringComparison.OrdinalIgnoreCase) ?? false, $"{line.Category}: {line.Exception}");
            }
        }
    }

    [Theory]
    [InlineData("The recipient ada@example.org is not valid.")]
    [InlineData("Mailbox 'Ada Lovelace <ada.lovelace+jobs@mail.example.org>' not found; also \"x@y\"")]
    public void Graph_error_text_loses_every_address(string message)
    {
        var redacted = GraphErrorText.Redact(message)!;

        Assert.DoesNotContain("@", redacted, StringComparison.Ordinal);
        Assert.Contains(GraphErrorText.Placeholder, redacted, StringComparison.Ordinal);
    }

    private static string LinkToken(TestApp app)
    {
        var offer = app.Sandbox.Tenant.SentMail()[^1];
        var body = System.Net.WebUtility.HtmlDecode(offer.BodyContent);
        var start = body.IndexOf("#t=", StringComparison.Ordinal) + 3;
        var end = start;
        while (end < body.Length && body[end] is not ('"' or '<' or ' ' or '\'' or '\n' or '\r')) end++;
        return body[start..end];
    }
}
