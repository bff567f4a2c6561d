using Azure.Storage.Queues.Models;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Functions.Acknowledgments;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Graph.Mail;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Testing;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Applications;

/// <summary>
/// The acknowledgment email: exactly once through drafts, whatever fails, through the real Graph SDK against the
/// sandbox (which files a sent message in Sent Items only after a delay, without internet headers, as Exchange does).
/// </summary>
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

        var sent = Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal("ada@example.org", Assert.Single(sent.ToRecipients).Address);
        Assert.Contains("Senior Software Engineer", sent.Subject, StringComparison.Ordinal);
        Assert.Contains("Hi Ada,", sent.BodyContent, StringComparison.Ordinal);
        Assert.Contains(sent.SingleValueExtendedProperties, p => p.Id == GraphAcknowledgmentMailer.MarkerPropertyId && p.Value == AcknowledgmentSender.Marker(id));
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("sent", view.Acknowledgment.Status);
        Assert.Equal(1, view.Acknowledgment.Attempts);
        Assert.NotNull(view.Timeline.AcknowledgedAt);
        Assert.True(view.Timeline.AcknowledgedAt >= view.Timeline.ReceivedAt);
        Assert.Empty(app.Sandbox.Tenant.MessagesIn(SandboxCompany.RecruitingMailbox, MailFolder.Drafts));
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
    public async Task Throttled_draft_creations_are_retried_after_their_retry_after_and_give_one_email()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(clock: clock);
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/messages", Method = "POST", Kind = FaultKind.Throttle, RetryAfterSeconds = 7, Count = 2 });
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.throttled@example.org", "3")));

        var started = clock.GetUtcNow();
        await DriveAsync(app, clock, id);

        AssertOneEmailNoDraft(app, "ada.throttled@example.org");
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("sent", view.Acknowledgment.Status);
        Assert.Equal(3, view.Acknowledgment.Attempts);
        Assert.True(clock.GetUtcNow() - started >= TimeSpan.FromSeconds(14), "each retry waited its Retry-After");
    }

    [Theory]
    [InlineData("/users/*/messages", FaultKind.AmbiguousError)]
    [InlineData("*/send", FaultKind.AmbiguousError)]
    [InlineData("/users/*/messages", FaultKind.AmbiguousTimeout)]
    [InlineData("*/send", FaultKind.AmbiguousTimeout)]
    public async Task A_step_that_takes_effect_but_whose_answer_is_lost_still_gives_exactly_one_email(string step, FaultKind kind)
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Mail:RequestTimeoutSeconds"] = "1" }, clock: clock);
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = step, Method = "POST", Kind = kind, LatencyMilliseconds = 3000, Count = 1 });
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.ambiguous@example.org", "4")));

        await DriveAsync(app, clock, id);

        AssertOneEmailNoDraft(app, "ada.ambiguous@example.org");
        Assert.Equal("sent", (await IntakeTests.GetAsync(app, id)).Acknowledgment.Status);
    }

    public static TheoryData<string> CrashPoints => new() { "after the draft was created", "after the send was recorded as asked", "after Graph accepted the send" };

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_process_that_stops_between_two_steps_gives_exactly_one_email(string crashPoint)
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        var crash = new Crash(crashPoint);
        await using var app = await TestApp.StartAsync(clock: clock, services: crash.Install);
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.crash@example.org", "5")));

        await DriveAsync(app, clock, id);

        Assert.True(crash.Crashed);
        AssertOneEmailNoDraft(app, "ada.crash@example.org");
        Assert.Equal("sent", (await IntakeTests.GetAsync(app, id)).Acknowledgment.Status);
        Assert.Single(app.Sandbox.Tenant.RequestLog, r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.OrdinalIgnoreCase) && r.Status == 201);
    }

    [Fact]
    public async Task A_sender_mailbox_that_does_not_exist_fails_at_once_with_its_reason_a_warning_and_a_metric()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        var logs = new LogSink();
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Mail:SenderMailbox"] = "nobody@contoso.com" }, clock: clock, services: s => s.AddLogging(l => l.AddProvider(logs)));
        var failures = new List<(long Value, object? Reason)>();
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "interviewscheduler.application.acknowledgment.failed" && ReferenceEquals(instrument.Meter.Scope, app.Services.GetRequiredService<IMeterFactory>())) listener.EnableMeasurementEvents(instrument);
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) => failures.Add((value, tags.ToArray().Single(t => t.Key == "reason").Value)));
        meter.Start();
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.fails@example.org", "6")));

        var runs = await DriveAsync(app, clock, id);

        Assert.Equal((1L, (object?)"permanent"), Assert.Single(failures));
        var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(id, StringComparison.Ordinal));
        Assert.Contains("ErrorInvalidUser", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("ada.fails@example.org", StringComparison.OrdinalIgnoreCase) || l.Message.Contains("Lovelace", StringComparison.Ordinal));

        Assert.Equal(1, runs);
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("failed", view.Acknowledgment.Status);
        Assert.Equal(1, view.Acknowledgment.Attempts);
        Assert.StartsWith("ErrorInvalidUser:", view.Acknowledgment.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("@", view.Acknowledgment.FailureReason, StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.Tenant.SentMail());
    }

    [Fact]
    public async Task A_three_hour_outage_of_the_mail_service_ends_with_one_email()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(clock: clock);
        var outage = app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/m*", Kind = FaultKind.Unavailable, RetryAfterSeconds = null });
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.outage@example.org", "7")));
        var ends = clock.GetUtcNow() + TimeSpan.FromHours(3);

        await DriveAsync(app, clock, id, beforeRun: () =>
        {
            if (clock.GetUtcNow() >= ends) app.Sandbox.Tenant.RemoveFault(outage.Id);
        });

        AssertOneEmailNoDraft(app, "ada.outage@example.org");
        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("sent", view.Acknowledgment.Status);
        Assert.InRange(view.Acknowledgment.Attempts, 8, 30);
        Assert.True(view.Acknowledgment.SentAt >= ends);
        Assert.True(view.Acknowledgment.SentAt < ends + AcknowledgmentBackoff.Longest * 1.25, "retried at least hourly");
    }

    [Fact]
    public async Task Transient_failures_past_the_retry_horizon_end_as_failed_with_the_reason()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Mail:RetryHorizonHours"] = "2" }, clock: clock);
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/m*", Kind = FaultKind.Unavailable, RetryAfterSeconds = null });
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.horizon@example.org", "8")));

        await DriveAsync(app, clock, id);

        var view = await IntakeTests.GetAsync(app, id);
        Assert.Equal("failed", view.Acknowledgment.Status);
        Assert.StartsWith("gave up after", view.Acknowledgment.FailureReason, StringComparison.Ordinal);
        Assert.True(clock.GetUtcNow() - TestClock.DefaultStart <= TimeSpan.FromHours(2), "never past the horizon");
        Assert.Empty(app.Sandbox.Tenant.SentMail());
    }

    [Fact]
    public async Task A_duplicate_message_sends_nothing_more()
    {
        await using var app = await TestApp.StartAsync();
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.dup@example.org", "9")));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        await app.Services.GetRequiredService<IAcknowledgmentQueue>().EnqueueAsync(id, TimeSpan.Zero, CancellationToken.None);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Single(app.Sandbox.Tenant.SentMail());
    }

    [Fact]
    public async Task The_sweep_requeues_an_acknowledgment_whose_message_was_lost_and_it_is_sent_once()
    {
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(clock: clock);
        var store = app.Services.GetRequiredService<IApplicationStore>();
        var id = IntakeTests.IdOf(await SubmitAsync(app, Body("Ada Lovelace", "ada.swept@example.org", "10")));
        // An attempt began and its message went to poison (or was lost): nothing for it on the queue.
        await app.Storage.Queue(app.Names.AcknowledgmentsQueue).ClearMessagesAsync();
        var application = (await store.FindAsync(id, CancellationToken.None))!;
        await store.TryReplaceAsync(application with { Acknowledgment = application.Acknowledgment with { Status = AcknowledgmentStatus.Sending, Attempts = 5, MarkedAt = clock.GetUtcNow() } }, CancellationToken.None);

        Assert.Equal(0, await app.Services.GetRequiredService<AcknowledgmentSweep>().RequeueStaleAsync(CancellationToken.None));
        clock.Advance(AcknowledgmentSender.Lease + AcknowledgmentSweep.Grace + TimeSpan.FromSeconds(1));
        await app.Function<AcknowledgmentSweepFunction>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        var message = Assert.Single((await app.Storage.Queue(app.Names.AcknowledgmentsQueue).ReceiveMessagesAsync(10)).Value);
        await app.Function<SendAcknowledgmentFunction>().Run(message, CancellationToken.None);

        AssertOneEmailNoDraft(app, "ada.swept@example.org");
        Assert.Equal(AcknowledgmentStatus.Sent, (await store.FindAsync(id, CancellationToken.None))!.Acknowledgment.Status);
    }

    /// <summary>
    /// Runs the acknowledgment function for one application as the host would, in virtual time: each run's
    /// deferral (read from the application) moves the clock, a crash is redelivered, until it is sent or failed.
    /// </summary>
    /// <returns>How many runs it took.</returns>
    internal static async Task<int> DriveAsync(TestApp app, FakeTimeProvider clock, string applicationId, Action? beforeRun = null, int maxRuns = 200)
    {
        var store = app.Services.GetRequiredService<IApplicationStore>();
        var message = QueuesModelFactory.QueueMessage("m", "r", BinaryData.FromString($$"""{"applicationId":"{{applicationId}}"}"""), 1);
        for (var run = 1; run <= maxRuns; run++)
        {
            beforeRun?.Invoke();
            try
            {
                await app.Function<SendAcknowledgmentFunction>().Run(message, CancellationToken.None);
            }
            catch (CrashException)
            {
                // The host delivers the message again.
            }

            var acknowledgment = (await store.FindAsync(applicationId, CancellationToken.None))!.Acknowledgment;
            if (acknowledgment.Status is AcknowledgmentStatus.Sent or AcknowledgmentStatus.Failed) return run;
            var now = clock.GetUtcNow();
            var due = acknowledgment.NextAttemptAt ?? (acknowledgment.MarkedAt + AcknowledgmentSender.Lease) ?? now + AcknowledgmentSender.BusyRetryDelay;
            clock.Advance(due > now ? due - now : TimeSpan.FromMilliseconds(1));
        }

        throw new TimeoutException($"Not done after {maxRuns} runs.");
    }

    private static void AssertOneEmailNoDraft(TestApp app, string candidate)
    {
        var sent = Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal(candidate, Assert.Single(sent.ToRecipients).Address);
        Assert.Empty(app.Sandbox.Tenant.MessagesIn(SandboxCompany.RecruitingMailbox, MailFolder.Drafts));
    }

    internal static Task<Microsoft.AspNetCore.Mvc.IActionResult> SubmitAsync(TestApp app, string body) =>
        app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);

    /// <summary>A process that stops: thrown where the crash happens, caught where the host would redeliver.</summary>
    private sealed class CrashException(string message) : Exception(message);

    /// <summary>Stops the process once, at one of three points, by wrapping the mailer or the store.</summary>
    private sealed class Crash(string point)
    {
        private int _crashed;

        public bool Crashed => _crashed == 1;

        public void Install(IServiceCollection services)
        {
            services.Remove(services.Last(d => d.ServiceType == typeof(IAcknowledgmentMailer)));
            services.AddSingleton<IAcknowledgmentMailer>(sp => new Mailer(ActivatorUtilities.CreateInstance<GraphAcknowledgmentMailer>(sp), this));
            services.Remove(services.Last(d => d.ServiceType == typeof(IApplicationStore)));
            services.AddSingleton<IApplicationStore>(sp => new Store(sp.GetRequiredService<Storage.Applications.TableApplicationStore>(), this));
        }

        private void Once(string at)
        {
            if (at == point && Interlocked.Exchange(ref _crashed, 1) == 0) throw new CrashException("the process stopped " + at);
        }

        private sealed class Mailer(IAcknowledgmentMailer inner, Crash crash) : IAcknowledgmentMailer
        {
            public async Task<string> CreateDraftAsync(string senderMailbox, AcknowledgmentLetter letter, string marker, CancellationToken cancellationToken)
            {
                var id = await inner.CreateDraftAsync(senderMailbox, letter, marker, cancellationToken);
                crash.Once("after the draft was created");
                return id;
            }

            public async Task SendDraftAsync(string senderMailbox, string draftId, CancellationToken cancellationToken)
            {
                crash.Once("after the send was recorded as asked");
                await inner.SendDraftAsync(senderMailbox, draftId, cancellationToken);
            }

            public Task<MailTrace> TraceAsync(string senderMailbox, string? draftId, string marker, CancellationToken cancellationToken) =>
                inner.TraceAsync(senderMailbox, draftId, marker, cancellationToken);
        }

        private sealed class Store(IApplicationStore inner, Crash crash) : IApplicationStore
        {
            public Task<IntakeOutcome> AddOrGetAsync(JobApplication application, string deduplicationKey, CancellationToken cancellationToken) => inner.AddOrGetAsync(application, deduplicationKey, cancellationToken);

            public Task<JobApplication?> FindAsync(string applicationId, CancellationToken cancellationToken) => inner.FindAsync(applicationId, cancellationToken);

            public IAsyncEnumerable<string> FindUnacknowledgedAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken) => inner.FindUnacknowledgedAsync(dueBefore, cancellationToken);

            public IAsyncEnumerable<JobApplication> ListAsync(ApplicationStatus? status, string? roleId, CancellationToken cancellationToken) => inner.ListAsync(status, roleId, cancellationToken);

            public Task ForgetDeduplicationKeyAsync(string deduplicationKey, string applicationId, CancellationToken cancellationToken) => inner.ForgetDeduplicationKeyAsync(deduplicationKey, applicationId, cancellationToken);

            public Task<JobApplication?> TryReplaceAsync(JobApplication application, CancellationToken cancellationToken)
            {
                if (application.Acknowledgment.Status == AcknowledgmentStatus.Sent) crash.Once("after Graph accepted the send");
                return inner.TryReplaceAsync(application, cancellationToken);
            }
        }
    }
}
