using InterviewScheduler.Sandbox.Seeding;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace InterviewScheduler.Sandbox.Tests.Calendar;

public sealed class GetScheduleTests(SeededSandbox sandbox) : IClassFixture<SeededSandbox>
{
    private static readonly DateTime FirstWeekStart = SeededSandbox.SeedDate.ToDateTime(TimeOnly.MinValue);

    private static GetSchedulePostRequestBody Request(IEnumerable<string> schedules, DateTime start, DateTime end, string zone = "UTC", int interval = 30) => new()
    {
        Schedules = [.. schedules],
        StartTime = Graph.At(start, zone),
        EndTime = Graph.At(end, zone),
        AvailabilityViewInterval = interval,
    };

    [Fact]
    public async Task Seeded_interviewers_come_back_with_working_hours_and_busy_items()
    {
        var answer = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            Request(SandboxCompany.InterviewerAddresses.Take(5), FirstWeekStart, FirstWeekStart.AddDays(5)));

        var schedules = answer?.Value ?? [];
        Assert.Equal(5, schedules.Count);
        foreach (var schedule in schedules)
        {
            Assert.Null(schedule.Error);
            Assert.NotNull(schedule.WorkingHours?.TimeZone?.Name);
            Assert.Equal(5 * 48, schedule.AvailabilityView?.Length);
            Assert.Contains(schedule.ScheduleItems!, i => i.Status == FreeBusyStatus.Busy);
            Assert.Contains('2', schedule.AvailabilityView!);
        }

        var lead = schedules.Single(s => s.ScheduleId == "lead.engineer@contoso.com");
        Assert.Equal("Europe/London", lead.WorkingHours!.TimeZone!.Name);
        Assert.Equal(new Microsoft.Kiota.Abstractions.Time(9, 0, 0), lead.WorkingHours.StartTime);
    }

    [Fact]
    public async Task Unknown_address_gets_a_per_schedule_error_and_the_call_still_succeeds()
    {
        var answer = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            Request(["qa.engineer@contoso.com", "ghost@contoso.com"], FirstWeekStart, FirstWeekStart.AddDays(1)));

        var ghost = answer!.Value!.Single(s => s.ScheduleId == "ghost@contoso.com");
        Assert.NotNull(ghost.Error);
        Assert.Equal("ErrorMailRecipientNotFound", ghost.Error.ResponseCode);
        Assert.False(string.IsNullOrEmpty(ghost.Error.Message));
        Assert.Null(answer.Value!.Single(s => s.ScheduleId == "qa.engineer@contoso.com").Error);
    }

    [Fact]
    public async Task Twenty_one_schedules_are_refused_with_400()
    {
        var people = Enumerable.Range(0, 21).Select(i => $"person{i}@contoso.com");
        var error = await Assert.ThrowsAsync<ODataError>(() => sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .PostAsGetSchedulePostResponseAsync(Request(people, FirstWeekStart, FirstWeekStart.AddDays(1))));
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Twenty_schedules_are_accepted()
    {
        var people = SandboxCompany.InterviewerAddresses.Concat(Enumerable.Range(0, 8).Select(i => $"external{i}@example.com"));
        var answer = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .PostAsGetSchedulePostResponseAsync(Request(people, FirstWeekStart, FirstWeekStart.AddDays(1)));
        Assert.Equal(20, answer?.Value?.Count);
    }

    [Fact]
    public async Task A_window_of_62_days_is_refused_and_61_is_accepted()
    {
        var tooLong = await Assert.ThrowsAsync<ODataError>(() => sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .PostAsGetSchedulePostResponseAsync(Request(["qa.engineer@contoso.com"], FirstWeekStart, FirstWeekStart.AddDays(62))));
        Assert.Equal(400, tooLong.ResponseStatusCode);

        var answer = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule
            .PostAsGetSchedulePostResponseAsync(Request(["qa.engineer@contoso.com"], FirstWeekStart, FirstWeekStart.AddDays(61), interval: 60));
        Assert.Equal(61 * 24, answer?.Value?.Single().AvailabilityView?.Length);
    }

    [Fact]
    public async Task Prefer_outlook_timezone_sets_the_zone_of_returned_times()
    {
        GetSchedulePostRequestBody Body() => Request(["lead.engineer@contoso.com"], FirstWeekStart, FirstWeekStart.AddDays(1));
        var utc = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(Body());
        var pacific = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(Body(),
            c => c.Headers.Add("Prefer", "outlook.timezone=\"Pacific Standard Time\""));

        var utcItem = utc!.Value!.Single().ScheduleItems!.First();
        var pacificItem = pacific!.Value!.Single().ScheduleItems!.First();
        Assert.Equal("UTC", utcItem.Start!.TimeZone);
        Assert.Equal("Pacific Standard Time", pacificItem.Start!.TimeZone);
        // 2 March 2026 is winter time in California: UTC-8.
        Assert.Equal(DateTime.Parse(utcItem.Start.DateTime!, System.Globalization.CultureInfo.InvariantCulture).AddHours(-8),
            DateTime.Parse(pacificItem.Start.DateTime!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Free_lunch_does_not_show_as_busy()
    {
        // Lead engineer's seeded lunch is 12:30-13:15 London (UTC in March), shown as free.
        var answer = await sandbox.Client.Users[SandboxCompany.OrganizerMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            Request(["lead.engineer@contoso.com"], FirstWeekStart.AddHours(12).AddMinutes(30), FirstWeekStart.AddHours(13).AddMinutes(15), interval: 15));
        var schedule = answer!.Value!.Single();
        Assert.DoesNotContain(schedule.ScheduleItems!, i => i.Subject == "Lunch");
        Assert.All(schedule.ScheduleItems!, i => Assert.NotEqual(FreeBusyStatus.Free, i.Status));
    }
}
