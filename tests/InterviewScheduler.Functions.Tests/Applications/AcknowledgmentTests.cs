using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Applications;

/// <summary>The acknowledgment email: exactly once, paced, through the real Graph SDK against the sandbox.</summary>
public sealed class AcknowledgmentTests
{
    private static string Body(string name, string email, string externalId) =>
        $$"""{"candidate":{"name":"{{name}}","email":"{{email}}","timeZone":"Europe/London"},"role":{"id":"senior-engineer","title":"Senior Software Engineer"},"source":"careers-site","externalId":"{{externalId}}"}""";

    [Fact]
    public async Task An_application_produces_exactly_one_email_to_the_candidate_with_the_role_in_the_subject()
    {
        await using var app = await TestApp.StartAsync();

        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada@example.org", "1")));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        var sent = Assert.Single(app.Sandbox.Tenant.MessagesIn(SandboxCompany.RecruitingMailbox, "SentItems"));
        Assert.Equal("ada@example.org", Assert.Single(sent.ToRecipients).Address);
        Assert.Contains("Senior Software Engineer", sent.Subject, StringComparison.Ordinal);
        Assert.Contains("Hi Ada,", sent.BodyContent, StringComparison.Ordinal);
        Assert.Contains("Hi Ada,", sent.TextAlternative, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", sent.TextAlternative, StringComparison.Ordinal);
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("sent", view.Acknowledgment.Status);
        Assert.Equal(1, view.Acknowledgment.Attempts);
        Assert.NotNull(view.Timeline.AcknowledgedAt);
        Assert.True(view.Timeline.AcknowledgedAt >= view.Timeline.ReceivedAt);
    }

    [Fact]
    public async Task A_name_with_markup_arrives_html_encoded()
    {
        await using var app = await TestApp.StartAsync();

        await SubmitAsync(app, Body("<script>alert(1)</script> Smith", "script@example.org", "2"));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        var sent = Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.DoesNotContain("<script>", sent.BodyContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", sent.BodyContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_first_sends_still_give_exactly_one_email_later()
    {
        await using var app = await TestApp.StartAsync();
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/sendMail", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 2 });

        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.throttled@example.org", "3")));
        var deliveries = await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal(3, app.Sandbox.Tenant.RequestLog.Count(r => r.Path.EndsWith("/sendMail", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(3, deliveries);
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("sent", view.Acknowledgment.Status);
        Assert.Equal(3, view.Acknowledgment.Attempts);
    }

    [Fact]
    public async Task An_attempt_whose_send_succeeded_but_whose_recording_failed_does_not_send_twice()
    {
        var crash = new CrashOnceWhenRecordingSent();
        await using var app = await TestApp.StartAsync(services: s => s.Decorate(crash));

        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.crash@example.org", "4")));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.True(crash.Crashed);
        Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Single(app.Sandbox.Tenant.RequestLog, r => r.Path.EndsWith("/sendMail", StringComparison.OrdinalIgnoreCase));
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("sent", view.Acknowledgment.Status);
    }

    [Fact]
    public async Task An_attempt_that_died_before_graph_took_the_email_is_sent_once_sent_items_had_time_to_show_it()
    {
        var time = new FakeTimeProvider(TestClock.DefaultStart);
        var lost = new LoseFirstSend();
        await using var app = await TestApp.StartAsync(clock: time, services: s =>
        {
            s.Remove(s.Last(d => d.ServiceType == typeof(IAcknowledgmentMailer)));
            s.AddSingleton<IAcknowledgmentMailer>(sp => lost.Wrap(ActivatorUtilities.CreateInstance<InterviewScheduler.Graph.Mail.GraphAcknowledgmentMailer>(sp)));
        });
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.lost@example.org", "7")));
        var message = QueuesModelFactory.QueueMessage("m1", "r1", BinaryData.FromString($$"""{"applicationId":"{{id}}"}"""), 1);
        var function = app.Function<Acknowledgments.SendAcknowledgmentFunction>();

        // The attempt is marked, then dies without Graph having the email; the host delivers the message again.
        await Assert.ThrowsAsync<TimeoutException>(() => function.Run(message, CancellationToken.None));
        await function.Run(message, CancellationToken.None);

        // Right after, Sent Items cannot yet prove nothing was sent: the send waits instead of risking a second email.
        Assert.Empty(app.Sandbox.Tenant.SentMail());
        Assert.Equal("sending", (await IntakeTests.GetAsync(app, id)).Acknowledgment.Status);

        time.Advance(AcknowledgmentSender.SentItemsSettle);
        await function.Run(message, CancellationToken.None);

        Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal("sent", (await IntakeTests.GetAsync(app, id)).Acknowledgment.Status);
    }

    [Fact]
    public async Task A_duplicate_message_sends_nothing_more()
    {
        await using var app = await TestApp.StartAsync();
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.dup@example.org", "5")));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        await app.Services.GetRequiredService<IAcknowledgmentQueue>().EnqueueAsync(id, TimeSpan.Zero, CancellationToken.None);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Single(app.Sandbox.Tenant.SentMail());
    }

    [Fact]
    public async Task An_acknowledgment_that_keeps_failing_is_marked_failed_and_its_message_poisoned()
    {
        // A sender mailbox the tenant does not know: Graph answers 404 on every attempt.
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Mail:SenderMailbox"] = "nobody@contoso.com" });

        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.fails@example.org", "6")));
        var deliveries = await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, deliveries);
        Assert.Equal("failed", (await IntakeTests.GetAsync(app, id)).Acknowledgment.Status);
        var poison = app.Storage.Queue(app.Names.AcknowledgmentsQueue + "-poison");
        Assert.Contains(id, Assert.Single((await poison.PeekMessagesAsync()).Value).Body.ToString(), StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.Tenant.SentMail());
    }

    [Fact]
    public async Task Sends_beyond_the_per_minute_budget_are_deferred_to_the_next_minute()
    {
        // A clock standing at the start of a minute, so the deferral to the next window is a long one.
        var time = new FakeTimeProvider(TestClock.DefaultStart.AddSeconds(1));
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Mail:MessagesPerMinute"] = "2" }, clock: time);
        for (var i = 0; i < 3; i++) await SubmitAsync(app, Body("Ada Lovelace", $"ada.paced{i}@example.org", $"paced-{i}"));

        // Deliver only what is visible now; the deferred one is back on the queue, invisible until the next minute.
        var queue = app.Storage.Queue(app.Names.AcknowledgmentsQueue);
        foreach (var message in (await queue.ReceiveMessagesAsync(10)).Value)
        {
            await app.Function<Acknowledgments.SendAcknowledgmentFunction>().Run(message, CancellationToken.None);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        Assert.Equal(2, app.Sandbox.Tenant.SentMail().Count);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task The_sweep_queues_an_acknowledgment_left_unqueued_by_a_crash()
    {
        var time = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(clock: time);
        var store = app.Services.GetRequiredService<IApplicationStore>();
        // Stored, but the process stopped before queueing: nothing on the queue.
        var validated = SubmissionValidation.Validate(new ApplicationSubmission(new CandidateSubmission("Ada", "ada.swept@example.org", null), new RoleSubmission("r", "R"), null, null));
        var stored = await store.AddOrGetAsync(
            new JobApplication(Guid.CreateVersion7().ToString("N"), validated.Candidate!, validated.Role!, "direct", null, time.GetUtcNow(), ApplicationStatus.Received, Acknowledgment.Pending),
            validated.DeduplicationKey,
            CancellationToken.None);

        Assert.Equal(0, await app.Services.GetRequiredService<AcknowledgmentSweep>().RequeueStaleAsync(CancellationToken.None));
        time.Advance(AcknowledgmentSweep.Grace + TimeSpan.FromSeconds(1));
        await app.Function<Acknowledgments.AcknowledgmentSweepFunction>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal(AcknowledgmentStatus.Sent, (await store.FindAsync(stored.Application.Id, CancellationToken.None))!.Acknowledgment.Status);
    }

    private static Task<Microsoft.AspNetCore.Mvc.IActionResult> SubmitAsync(TestApp app, string body) =>
        app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);
}

/// <summary>Stands for a process that dies right after Graph accepted the email, before recording it as sent.</summary>
internal sealed class CrashOnceWhenRecordingSent
{
    private int _crashed;

    public bool Crashed => _crashed == 1;

    public IApplicationStore Wrap(IApplicationStore inner) => new Store(inner, this);

    private sealed class Store(IApplicationStore inner, CrashOnceWhenRecordingSent owner) : IApplicationStore
    {
        public Task<IntakeOutcome> AddOrGetAsync(JobApplication application, string deduplicationKey, CancellationToken cancellationToken) => inner.AddOrGetAsync(application, deduplicationKey, cancellationToken);

        public Task<JobApplication?> FindAsync(string applicationId, CancellationToken cancellationToken) => inner.FindAsync(applicationId, cancellationToken);

        public IAsyncEnumerable<string> FindUnacknowledgedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) => inner.FindUnacknowledgedAsync(receivedBefore, cancellationToken);

        public Task<JobApplication?> TryReplaceAsync(JobApplication application, CancellationToken cancellationToken) =>
            application.Acknowledgment.Status == AcknowledgmentStatus.Sent && Interlocked.Exchange(ref owner._crashed, 1) == 0
                ? throw new TimeoutException("the process stopped before recording the send")
                : inner.TryReplaceAsync(application, cancellationToken);
    }
}

/// <summary>Stands for a send that timed out on our side before Graph had it: the first call sends nothing and throws.</summary>
internal sealed class LoseFirstSend
{
    private int _lost;

    public IAcknowledgmentMailer Wrap(IAcknowledgmentMailer inner) => new Mailer(inner, this);

    private sealed class Mailer(IAcknowledgmentMailer inner, LoseFirstSend owner) : IAcknowledgmentMailer
    {
        public Task SendAsync(string senderMailbox, AcknowledgmentLetter letter, string marker, CancellationToken cancellationToken) =>
            Interlocked.Exchange(ref owner._lost, 1) == 0
                ? throw new TimeoutException("the request timed out before Graph received it")
                : inner.SendAsync(senderMailbox, letter, marker, cancellationToken);

        public Task<DateTimeOffset?> FindSentAsync(string senderMailbox, string marker, CancellationToken cancellationToken) =>
            inner.FindSentAsync(senderMailbox, marker, cancellationToken);
    }
}

internal static class DecorationExtensions
{
    /// <summary>Wraps the registered application store, as a failure in storage would look to the code above it.</summary>
    public static void Decorate(this IServiceCollection services, CrashOnceWhenRecordingSent crash)
    {
        services.Remove(services.Last(d => d.ServiceType == typeof(IApplicationStore)));
        services.AddSingleton(sp => crash.Wrap(sp.GetRequiredService<InterviewScheduler.Storage.Applications.TableApplicationStore>()));
    }
}
