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
    public async Task Concurrent_senders_never_overspend_a_mailboxs_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 5, TimeSpan.Zero));
        var account = await TestStorage.AccountAsync();
        var names = new StorageNames(TestStorage.UniqueName("c"));
        // Ten instances, each with its own pacer over the same table.
        var pacers = Enumerable.Range(0, 10).Select(_ => new TableSendPacer(account, names, 5, time)).ToList();

        var waits = await Task.WhenAll(pacers.Select(p => p.ReserveAsync("recruiting@contoso.com", CancellationToken.None)));

        Assert.Equal(5, waits.Count(w => w == TimeSpan.Zero));
        Assert.All(waits.Where(w => w > TimeSpan.Zero), w => Assert.InRange(w, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(115)));
    }
}
