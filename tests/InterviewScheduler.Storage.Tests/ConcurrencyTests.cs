using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Storage.Connection;
using InterviewScheduler.Storage.Pacing;
using InterviewScheduler.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Storage.Tests;

/// <summary>What the stores promise when many instances write at once, shown against Azurite.</summary>
public sealed class ConcurrencyTests
{
    private static JobApplication Application(string id) => new(
        id, new Candidate("Ada Lovelace", "ada@example.org", null), new JobRole("r", "Role"), "direct", null,
        new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), ApplicationStatus.Received, Acknowledgment.Pending);

    [Fact]
    public async Task Twenty_concurrent_intakes_with_one_key_store_one_application()
    {
        var store = new TableApplicationStore(await TestStorage.AccountAsync(), new StorageNames(TestStorage.UniqueName("c")));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            store.AddOrGetAsync(Application(Guid.NewGuid().ToString("N")), "source:ATS:42", CancellationToken.None)));

        Assert.Single(outcomes, o => o.Created);
        Assert.Single(outcomes.Select(o => o.Application.Id).Distinct());
    }

    [Fact]
    public async Task A_replace_from_a_stale_version_is_refused()
    {
        var store = new TableApplicationStore(await TestStorage.AccountAsync(), new StorageNames(TestStorage.UniqueName("c")));
        var stored = (await store.AddOrGetAsync(Application(Guid.NewGuid().ToString("N")), "email:A:R", CancellationToken.None)).Application;

        var first = await store.TryReplaceAsync(stored with { Status = ApplicationStatus.Scheduled }, CancellationToken.None);
        var stale = await store.TryReplaceAsync(stored with { Acknowledgment = stored.Acknowledgment with { Attempts = 9 } }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(stale);
        var now = await store.FindAsync(stored.Id, CancellationToken.None);
        Assert.Equal(ApplicationStatus.Scheduled, now!.Status);
        Assert.Equal(0, now.Acknowledgment.Attempts);
    }

    [Fact]
    public async Task Concurrent_senders_never_overspend_a_mailboxs_rolling_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 5, TimeSpan.Zero));
        var account = await TestStorage.AccountAsync();
        var names = new StorageNames(TestStorage.UniqueName("c"));
        var options = new MailOptions { MessagesPerMinute = 5 };
        // Ten instances, each with its own pacer over the same table.
        var pacers = Enumerable.Range(0, 10).Select(_ => new TableSendPacer(account, names, options, time)).ToList();

        var waits = await Task.WhenAll(pacers.Select(p => p.ReserveAsync("recruiting@contoso.com", 1, CancellationToken.None)));

        Assert.Equal(5, waits.Count(w => w == TimeSpan.Zero));
        // The oldest send leaves the (margined) window after 65 s; waiters are spread over the next 10 s.
        Assert.All(waits.Where(w => w > TimeSpan.Zero), w => Assert.InRange(w, TableSendPacer.MinuteWindow, TableSendPacer.MinuteWindow + TimeSpan.FromSeconds(10)));

        // A minute later the window is still full (rolling, not a new calendar minute); after 65 s it is not.
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await pacers[0].ReserveAsync("recruiting@contoso.com", 1, CancellationToken.None) > TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, await pacers[0].ReserveAsync("recruiting@contoso.com", 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_mailboxs_recipients_a_day_are_counted_across_instances_over_a_rolling_day()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
        var account = await TestStorage.AccountAsync();
        var names = new StorageNames(TestStorage.UniqueName("d"));
        var options = new MailOptions { MessagesPerMinute = 1000, RecipientsPerDay = 10 };
        var pacers = Enumerable.Range(0, 4).Select(_ => new TableSendPacer(account, names, options, time)).ToList();

        var waits = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => pacers[i % 4].ReserveAsync("recruiting@contoso.com", 1, CancellationToken.None)));

        Assert.Equal(10, waits.Count(w => w == TimeSpan.Zero));
        time.Advance(TimeSpan.FromHours(23));
        Assert.True(await pacers[0].ReserveAsync("recruiting@contoso.com", 1, CancellationToken.None) > TimeSpan.Zero);
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.Zero, await pacers[0].ReserveAsync("recruiting@contoso.com", 1, CancellationToken.None));
    }

    [Fact]
    public async Task At_most_the_allowed_requests_are_in_flight_per_mailbox_across_instances()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
        var account = await TestStorage.AccountAsync();
        var names = new StorageNames(TestStorage.UniqueName("s"));
        var options = new MailOptions { ConcurrentRequestsPerMailbox = 4 };
        var pacers = Enumerable.Range(0, 10).Select(_ => new TableSendPacer(account, names, options, time)).ToList();

        var slots = await Task.WhenAll(pacers.Select(p => p.TryEnterAsync("recruiting@contoso.com", CancellationToken.None)));

        Assert.Equal(4, slots.Count(s => s is not null));
        Assert.Null(await pacers[0].TryEnterAsync("recruiting@contoso.com", CancellationToken.None));
        Assert.NotNull(await pacers[0].TryEnterAsync("careers@contoso.com", CancellationToken.None));
        await slots.First(s => s is not null)!.DisposeAsync();
        Assert.NotNull(await pacers[1].TryEnterAsync("recruiting@contoso.com", CancellationToken.None));

        // A slot its holder never released (the instance stopped) is free again after its lease.
        time.Advance(TableSendPacer.SlotLease + TimeSpan.FromSeconds(1));
        Assert.NotNull(await pacers[2].TryEnterAsync("recruiting@contoso.com", CancellationToken.None));
    }
}
