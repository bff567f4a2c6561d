using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Storage.Connection;
using InterviewScheduler.Testing;

namespace InterviewScheduler.Storage.Tests;

/// <summary>A booking's plan is stored with its claim, whole, against Azurite.</summary>
public sealed class BookingPlanStorageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_loop_plan_longer_than_one_column_holds_comes_back_whole_and_goes_when_the_claim_does()
    {
        var store = new TableApplicationStore(await TestStorage.AccountAsync(), new StorageNames(TestStorage.UniqueName("p")));
        var application = new JobApplication(
            Guid.NewGuid().ToString("N"), new Candidate("Ada Lovelace", "ada@example.org", null), new JobRole("r", "Role"), "direct", null,
            Monday, ApplicationStatus.Received, Acknowledgment.Pending);
        var stored = (await store.AddOrGetAsync(application, "email:plan", CancellationToken.None)).Application;
        // Eight sessions of 60 people with long addresses: far more than the 32K characters one string column takes.
        var sessions = Enumerable.Range(0, 8).Select(s => new PlannedSession(
            $"Session {s}",
            TimeRange.FromStart(Monday.AddHours(s), TimeSpan.FromMinutes(45)),
            [.. Enumerable.Range(0, 60).Select(i => new EventAttendee($"interviewer.with.a.rather.long.name.{s}.{i}@engineering.contoso.com", null, i % 7 == 0))])).ToList();
        var plan = new BookingPlan("0123456789abcdef0123456789abcdef", sessions, new PlannedDebrief(TimeRange.FromStart(Monday.AddHours(8), TimeSpan.FromMinutes(30)), ["recruiter@contoso.com"]));

        var claimed = await store.TryReplaceAsync(stored with { Booking = new BookingClaim("b1", Monday, plan) }, CancellationToken.None);
        var read = await store.FindAsync(application.Id, CancellationToken.None);

        Assert.NotNull(claimed);
        var back = read!.Booking!.Plan!;
        Assert.Equal(plan.PlanId, back.PlanId);
        Assert.Equal(plan.Debrief!.Time, back.Debrief?.Time);
        Assert.Equal(plan.Debrief.Team, back.Debrief!.Team);
        Assert.Equal(sessions.Select(s => (s.Title, s.Time)), back.Sessions.Select(s => (s.Title, s.Time)));
        Assert.Equal(sessions.SelectMany(s => s.Interviewers), back.Sessions.SelectMany(s => s.Interviewers));

        var released = await store.TryReplaceAsync(read with { Booking = null }, CancellationToken.None);
        Assert.NotNull(released);
        Assert.Null((await store.FindAsync(application.Id, CancellationToken.None))!.Booking);
    }
}
