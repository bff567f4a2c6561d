using InterviewScheduler.Core.Availability;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Seeding;
using FreeBusyStatus = InterviewScheduler.Core.Availability.FreeBusyStatus;

namespace InterviewScheduler.Graph.Tests.Calendar;

/// <summary>GraphFreeBusyDirectory through the real Graph SDK over HTTP against a sandbox tenant; each test owns its tenant.</summary>
public sealed class FreeBusyDirectoryTests
{
    private const string Organizer = "interviews@fabrikam.com";
    private static readonly TimeRange Week = new(TestTenant.Monday, TestTenant.Monday.AddDays(5));

    private static GraphFreeBusyDirectory Directory(TestTenant tenant) => new(tenant.Client, TimeProvider.System);

    [Fact]
    public async Task Seeded_interviewers_come_back_with_their_busy_items_and_working_hours_in_their_own_zones()
    {
        await using var tenant = await TestTenant.SeededAsync();
        string[] panel = ["lead.engineer@contoso.com", "product.manager@contoso.com", "engineering.manager@contoso.com"];

        var schedules = await Directory(tenant).GetSchedulesAsync(SandboxCompany.OrganizerMailbox, panel, Week, CancellationToken.None);

        Assert.Equal(3, schedules.Count);
        foreach (var person in panel)
        {
            var schedule = schedules[person];
            Assert.Null(schedule.Error);
            var expected = tenant.Tenant.EventsOf(person).Where(e => e.Blocks && e.Start < Week.End && e.End > Week.Start)
                .Select(e => (e.Start, e.End)).Distinct().Order().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, schedule.Busy.Select(b => (b.Time.Start, b.Time.End)).Distinct().Order().ToList());
            Assert.All(schedule.Busy, b => Assert.Equal(TimeSpan.Zero, b.Time.Start.Offset));
        }

        var london = schedules["lead.engineer@contoso.com"].WorkingHours!;
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 30)), (london.Start, london.End));
        Assert.Equal(TimeSpan.FromHours(1), london.Zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(5, london.Days.Count);
        Assert.DoesNotContain(DayOfWeek.Saturday, london.Days);

        var newYork = schedules["product.manager@contoso.com"].WorkingHours!;
        Assert.Equal(new TimeOnly(8, 30), newYork.Start);
        Assert.Equal(TimeSpan.FromHours(-5), newYork.Zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(-4), newYork.Zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));

        var kolkata = schedules["engineering.manager@contoso.com"].WorkingHours!;
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(18, 30)), (kolkata.Start, kolkata.End));
        Assert.Equal(new TimeSpan(5, 30, 0), kolkata.Zone.BaseUtcOffset);
    }

    [Fact]
    public async Task Busy_statuses_keep_their_meaning()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var person = tenant.AddPeople(1)[0];
        var nine = TestTenant.Monday.AddHours(9);
        tenant.Tenant.CreateEvent(person, new EventDraft { Subject = "Offsite", Start = nine, End = nine.AddHours(1), ShowAs = "oof" });
        tenant.Tenant.CreateEvent(person, new EventDraft { Subject = "Maybe", Start = nine.AddHours(2), End = nine.AddHours(3), ShowAs = "tentative" });
        tenant.Tenant.CreateEvent(person, new EventDraft { Subject = "From home", Start = nine.AddHours(4), End = nine.AddHours(5), ShowAs = "workingElsewhere" });

        var schedules = await Directory(tenant).GetSchedulesAsync(Organizer, [person], Week, CancellationToken.None);

        Assert.Equal(
            [FreeBusyStatus.Oof, FreeBusyStatus.Tentative, FreeBusyStatus.WorkingElsewhere],
            schedules[person].Busy.Select(b => b.Status));
        Assert.Equal(new TimeRange(nine, nine.AddHours(1)), schedules[person].Busy[0].Time);
    }

    [Fact]
    public async Task An_unknown_address_gets_an_error_and_the_rest_of_the_panel_is_read()
    {
        await using var tenant = await TestTenant.SeededAsync();
        string[] panel = ["Lead.Engineer@Contoso.com", "nobody@contoso.com", "qa.engineer@contoso.com"];

        var schedules = await Directory(tenant).GetSchedulesAsync(SandboxCompany.OrganizerMailbox, panel, Week, CancellationToken.None);

        Assert.Equal(panel.Order(), schedules.Keys.Order());
        Assert.Contains("nobody@contoso.com", schedules["nobody@contoso.com"].Error, StringComparison.Ordinal);
        Assert.Empty(schedules["nobody@contoso.com"].Busy);
        Assert.Null(schedules["nobody@contoso.com"].WorkingHours);
        Assert.Null(schedules["Lead.Engineer@Contoso.com"].Error);
        Assert.Equal("Lead.Engineer@Contoso.com", schedules["lead.engineer@contoso.com"].Email);
        Assert.NotNull(schedules["Lead.Engineer@Contoso.com"].WorkingHours);
        Assert.NotEmpty(schedules["qa.engineer@contoso.com"].Busy);
    }

    [Fact]
    public async Task A_panel_of_25_is_read_in_one_batch_request()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var added = tenant.AddPeople(25 - SandboxCompany.InterviewerAddresses.Count);
        string[] panel = [.. SandboxCompany.InterviewerAddresses, .. added];
        tenant.Tenant.ClearRequestLog();

        var schedules = await Directory(tenant).GetSchedulesAsync(SandboxCompany.OrganizerMailbox, panel, Week, CancellationToken.None);

        Assert.Equal(25, schedules.Count);
        Assert.All(schedules.Values, s => Assert.Null(s.Error));
        Assert.All(schedules.Values, s => Assert.NotNull(s.WorkingHours));
        var call = Assert.Single(tenant.TopLevelRequests);
        Assert.Equal(("POST", "/v1.0/$batch", 200), (call.Method, call.Path, call.Status));
        Assert.Equal(2, tenant.BatchSteps.Count);
        Assert.All(tenant.BatchSteps, s => Assert.EndsWith("/calendar/getSchedule", s.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forty_five_people_are_three_calls_in_one_batch()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var panel = tenant.AddPeople(45);

        var schedules = await Directory(tenant).GetSchedulesAsync(Organizer, panel, Week, CancellationToken.None);

        Assert.Equal(45, schedules.Count);
        Assert.All(panel, p => Assert.Null(schedules[p].Error));
        Assert.Equal("/v1.0/$batch", Assert.Single(tenant.TopLevelRequests).Path);
        Assert.Equal(3, tenant.BatchSteps.Count(s => s.Status == 200));
    }

    [Fact]
    public async Task More_than_400_people_take_one_batch_per_400()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var panel = tenant.AddPeople(401);

        var schedules = await Directory(tenant).GetSchedulesAsync(Organizer, panel, Week, CancellationToken.None);

        Assert.Equal(401, schedules.Count);
        Assert.Equal(2, tenant.TopLevelRequests.Count(r => r.Path == "/v1.0/$batch"));
        Assert.Equal(21, tenant.BatchSteps.Count);
    }

    [Fact]
    public async Task A_seventy_day_window_is_split_into_parts_under_62_days()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var panel = tenant.AddPeople(3);
        var window = new TimeRange(TestTenant.Monday, TestTenant.Monday.AddDays(70));
        var early = TestTenant.Monday.AddDays(2).AddHours(10);
        var across = TestTenant.Monday.AddDays(61).AddHours(-1);
        var late = TestTenant.Monday.AddDays(68).AddHours(10);
        tenant.Tenant.CreateEvent(panel[0], new EventDraft { Subject = "Early", Start = early, End = early.AddHours(1) });
        tenant.Tenant.CreateEvent(panel[0], new EventDraft { Subject = "Across the split", Start = across, End = across.AddHours(2) });
        tenant.Tenant.CreateEvent(panel[0], new EventDraft { Subject = "Late", Start = late, End = late.AddHours(1) });

        var schedules = await Directory(tenant).GetSchedulesAsync(Organizer, panel, window, CancellationToken.None);

        Assert.Equal([early, across, late], schedules[panel[0]].Busy.Select(b => b.Time.Start));
        Assert.Equal("/v1.0/$batch", Assert.Single(tenant.TopLevelRequests).Path);
        Assert.Equal(2, tenant.BatchSteps.Count(s => s.Status == 200));
        Assert.All(GraphFreeBusyDirectory.Split(window), part => Assert.True(part.Duration < TimeSpan.FromDays(62)));
    }

    [Fact]
    public async Task A_small_panel_over_a_short_window_is_one_plain_getSchedule_call()
    {
        await using var tenant = await TestTenant.SeededAsync();
        tenant.Tenant.ClearRequestLog();

        await Directory(tenant).GetSchedulesAsync(SandboxCompany.OrganizerMailbox, SandboxCompany.InterviewerAddresses, Week, CancellationToken.None);

        var call = Assert.Single(tenant.TopLevelRequests);
        Assert.Equal(("POST", "/v1.0/users/interviews@contoso.com/calendar/getSchedule", 200), (call.Method, call.Path, call.Status));
    }

    [Fact]
    public async Task A_throttled_getSchedule_is_retried_by_the_SDK()
    {
        await using var tenant = await TestTenant.SeededAsync();
        tenant.Tenant.AddFault(new FaultRule { PathPattern = "*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });
        tenant.Tenant.ClearRequestLog();

        var schedules = await Directory(tenant).GetSchedulesAsync(SandboxCompany.OrganizerMailbox, ["lead.engineer@contoso.com"], Week, CancellationToken.None);

        Assert.Null(schedules["lead.engineer@contoso.com"].Error);
        Assert.Equal([429, 200], tenant.TopLevelRequests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_call_throttled_inside_the_batch_is_sent_again_alone()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var panel = tenant.AddPeople(45);
        tenant.Tenant.AddFault(new FaultRule { PathPattern = "*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });

        var schedules = await Directory(tenant).GetSchedulesAsync(Organizer, panel, Week, CancellationToken.None);

        Assert.All(panel, p => Assert.Null(schedules[p].Error));
        Assert.All(panel, p => Assert.NotNull(schedules[p].WorkingHours));
        Assert.Equal(2, tenant.TopLevelRequests.Count(r => r.Path == "/v1.0/$batch"));
        Assert.Equal([429, 200, 200, 200], tenant.BatchSteps.Select(s => s.Status));
    }

    [Fact]
    public async Task Calls_still_throttled_after_the_retries_give_a_clear_exception()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var panel = tenant.AddPeople(25);
        tenant.Tenant.AddFault(new FaultRule { PathPattern = "*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 0, Count = null });

        var error = await Assert.ThrowsAsync<GraphCalendarException>(() => Directory(tenant).GetSchedulesAsync(Organizer, panel, Week, CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.Contains("still answered 429", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + GraphFreeBusyDirectory.MaxThrottledRetries, tenant.TopLevelRequests.Count(r => r.Path == "/v1.0/$batch"));
    }

    [Fact]
    public async Task An_unknown_organizer_mailbox_gives_a_404_exception()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var small = tenant.AddPeople(2);
        var large = tenant.AddPeople(21, "panelist");

        var alone = await Assert.ThrowsAsync<GraphCalendarException>(() => Directory(tenant).GetSchedulesAsync("ghost@fabrikam.com", small, Week, CancellationToken.None));
        var batched = await Assert.ThrowsAsync<GraphCalendarException>(() => Directory(tenant).GetSchedulesAsync("ghost@fabrikam.com", large, Week, CancellationToken.None));

        Assert.Equal((404, "ErrorInvalidUser"), (alone.StatusCode, alone.ErrorCode));
        Assert.Equal((404, "ErrorInvalidUser"), (batched.StatusCode, batched.ErrorCode));
        Assert.Contains("ghost@fabrikam.com", batched.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Windows_zone_name_and_a_custom_zone_with_a_bias_map_to_the_right_zones()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        tenant.Tenant.AddUser("windows.zone@fabrikam.com", "Priya Menon", "India Standard Time",
            Sandbox.Users.WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), "Pacific Standard Time"));
        tenant.Tenant.AddUser("custom.zone@fabrikam.com", "Arjun Rao", "UTC",
            new Sandbox.Users.WorkingHours([DayOfWeek.Sunday, DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(16, 0), "Customized Time Zone", CustomBiasMinutes: -330));

        var schedules = await Directory(tenant).GetSchedulesAsync(Organizer, ["windows.zone@fabrikam.com", "custom.zone@fabrikam.com"], Week, CancellationToken.None);

        var pacific = schedules["windows.zone@fabrikam.com"].WorkingHours!;
        Assert.Equal(TimeSpan.FromHours(-8), pacific.Zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(-7), pacific.Zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));

        var custom = schedules["custom.zone@fabrikam.com"];
        Assert.Null(custom.Error);
        Assert.Equal(new TimeSpan(5, 30, 0), custom.WorkingHours!.Zone.BaseUtcOffset);
        Assert.False(custom.WorkingHours.Zone.SupportsDaylightSavingTime);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday], custom.WorkingHours.Days.Order());
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0)), (custom.WorkingHours.Start, custom.WorkingHours.End));
    }
}
