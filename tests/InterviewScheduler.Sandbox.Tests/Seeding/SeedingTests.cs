using InterviewScheduler.Sandbox.Seeding;

namespace InterviewScheduler.Sandbox.Tests.Seeding;

public sealed class SeedingTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static async Task<List<string>> SeededEvents(int seed, DateOnly day)
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Seed = seed, SeedDate = day });
        return [.. server.Tenant.AllEvents().Select(e => $"{e.Mailbox}|{e.Id}|{e.ICalUId}|{e.Subject}|{e.Start:O}|{e.End:O}|{e.ShowAs}|{e.Response}|{e.JoinUrl}")];
    }

    [Fact]
    public async Task Same_seed_and_date_give_the_same_events()
    {
        var first = await SeededEvents(42, Monday);
        var second = await SeededEvents(42, Monday);
        Assert.Equal(first, second);
        Assert.NotEqual(first, await SeededEvents(7, Monday));
    }

    [Fact]
    public void The_company_has_a_dozen_interviewers_in_at_least_three_zones_some_with_Windows_names()
    {
        Assert.Equal(12, SandboxCompany.InterviewerAddresses.Count);
        Assert.All(SandboxCompany.InterviewerAddresses, a => Assert.EndsWith("@contoso.com", a, StringComparison.Ordinal));
        var zones = SandboxCompany.Interviewers.Select(i => TimeZoneConverter.TZConvert.WindowsToIana(
            TimeZoneConverter.TZConvert.TryIanaToWindows(i.TimeZone, out var windows) ? windows : i.TimeZone)).Distinct().ToList();
        Assert.True(zones.Count >= 3, string.Join(", ", zones));
        Assert.Contains(SandboxCompany.Interviewers, i => !i.TimeZone.Contains('/', StringComparison.Ordinal));
        Assert.True(SandboxCompany.Interviewers.Select(i => (i.WorkingHours.Start, i.WorkingHours.End)).Distinct().Count() > 3);
    }

    [Fact]
    public async Task Four_weeks_of_meetings_are_seeded_with_tentative_free_and_oof_time()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = Monday });
        var events = server.Tenant.AllEvents();

        Assert.All(events, e => Assert.InRange(e.Start, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.Contains(events, e => e.Subject.Contains("standup", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Subject.StartsWith("1:1", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Subject == "Focus time");
        Assert.Contains(events, e => e.ShowAs == "tentative");
        Assert.Contains(events, e => e.ShowAs == "free");
        Assert.Contains(events, e => e.ShowAs == "oof" && e.IsAllDay);
        Assert.All(SandboxCompany.InterviewerAddresses, a => Assert.NotEmpty(server.Tenant.EventsOf(a)));
        Assert.NotNull(server.Tenant.FindUser(SandboxCompany.RecruitingMailbox));
        Assert.NotNull(server.Tenant.FindUser(SandboxCompany.OrganizerMailbox));
        Assert.NotNull(server.Tenant.FindUser(SandboxCompany.RecruiterMailbox));
    }

    [Fact]
    public async Task Without_a_seed_date_the_weeks_start_today_from_the_time_provider()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = new FixedClock(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero)) });
        Assert.All(server.Tenant.AllEvents(), e => Assert.True(e.Start >= new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.Zero)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
