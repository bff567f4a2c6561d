using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace InterviewScheduler.Functions.Tests.Applications;

/// <summary>A pool of sender mailboxes drains a backlog at Exchange's limits, and never past them.</summary>
public sealed class SenderPoolTests(ITestOutputHelper output)
{
    private static readonly string[] Pool = [SandboxCompany.RecruitingMailbox, "careers@contoso.com", "jobs@contoso.com"];

    [Fact]
    public async Task A_pool_of_three_mailboxes_drains_at_their_combined_limit_with_no_429_caused_by_us()
    {
        const int Backlog = 180;
        var clock = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Mail:SenderMailboxes:0"] = Pool[1], ["Mail:SenderMailboxes:1"] = Pool[2] },
            clock: clock,
            tenant: t =>
            {
                t.AddUser(Pool[1], "Contoso Careers", "Europe/London");
                t.AddUser(Pool[2], "Contoso Jobs", "Europe/London");
            });
        var ids = new List<string>();
        for (var i = 0; i < Backlog; i++)
        {
            ids.Add(IntakeTests.IdOf(await AcknowledgmentTests.SubmitAsync(app, $$$"""{"candidate":{"name":"Candidate {{{i}}}","email":"c{{{i}}}@example.org"},"role":{"id":"r","title":"Engineer"}}""")));
        }

        var started = clock.GetUtcNow();
        await DrainAsync(app, clock, ids);
        var took = clock.GetUtcNow() - started;

        var sent = app.Sandbox.Tenant.SentMail();
        Assert.Equal(Backlog, sent.Count);
        Assert.Equal(Backlog, sent.Select(m => m.ToRecipients[0].Address).Distinct().Count());
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Status == 429);
        foreach (var mailbox in Pool)
        {
            // Each application kept one sender, and each sender stayed inside any rolling minute.
            var times = sent.Where(m => m.From.Address == mailbox).Select(m => m.Sent).Order().ToList();
            Assert.NotEmpty(times);
            for (var i = 30; i < times.Count; i++) Assert.True(times[i] - times[i - 30] >= TimeSpan.FromMinutes(1), $"{mailbox} sent 31 within a minute");
        }

        var busiest = Pool.Max(p => sent.Count(m => m.From.Address == p));
        var rate = Backlog / took.TotalMinutes;
        output.WriteLine($"{Backlog} acknowledgments from {Pool.Length} mailboxes in {took.TotalSeconds:0} s (virtual): {rate:0.0}/min against a pool limit of {30 * Pool.Length}/min; busiest mailbox sent {busiest}");
        // The drain is bounded by the busiest mailbox at 30 a minute (plus the pacer's 5 s margin and jitter).
        Assert.True(took <= TimeSpan.FromMinutes(busiest / 30.0 * 65 / 60) + TimeSpan.FromSeconds(40), $"took {took}");
    }

    /// <summary>
    /// Runs every application's acknowledgment as many queue workers would, in virtual time: all attempts due now
    /// run at once, then the clock moves to the next due attempt, until every one is sent.
    /// </summary>
    private static async Task DrainAsync(TestApp app, FakeTimeProvider clock, List<string> ids)
    {
        var store = app.Services.GetRequiredService<IApplicationStore>();
        var sender = app.Services.GetRequiredService<AcknowledgmentSender>();
        var due = ids.ToDictionary(id => id, _ => clock.GetUtcNow());
        for (var round = 0; round < 2000 && due.Count > 0; round++)
        {
            var now = clock.GetUtcNow();
            var ready = due.Where(d => d.Value <= now).Select(d => d.Key).ToList();
            var results = await Task.WhenAll(ready.Select(async id => (Id: id, Result: await sender.SendAsync(id, CancellationToken.None))));
            foreach (var (id, result) in results)
            {
                if (result.Step is AcknowledgmentStep.Sent or AcknowledgmentStep.FoundAlreadySent or AcknowledgmentStep.AlreadyDone)
                {
                    due.Remove(id);
                }
                else
                {
                    Assert.Equal(AcknowledgmentStep.Deferred, result.Step);
                    due[id] = now + result.RetryAfter;
                }
            }

            if (due.Count > 0) clock.Advance(due.Values.Min() - clock.GetUtcNow() is var step && step > TimeSpan.Zero ? step : TimeSpan.FromMilliseconds(100));
        }

        Assert.Empty(due);
        foreach (var id in ids) Assert.Equal(AcknowledgmentStatus.Sent, (await store.FindAsync(id, CancellationToken.None))!.Acknowledgment.Status);
    }
}
