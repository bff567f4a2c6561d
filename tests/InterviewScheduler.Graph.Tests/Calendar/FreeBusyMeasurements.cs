using System.Diagnostics;
using System.Globalization;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Sandbox.Calendar;
using Xunit.Abstractions;

namespace InterviewScheduler.Graph.Tests.Calendar;

/// <summary>
/// HTTP calls and wall time of one free/busy read for panels of 5 to 400 over 10 days against the sandbox.
/// Prints the figures (run with <c>--logger "console;verbosity=detailed"</c>); asserts the call counts, never the times.
/// </summary>
public sealed class FreeBusyMeasurements(ITestOutputHelper output)
{
    private const string Organizer = "interviews@fabrikam.com";

    [Fact]
    public async Task Calls_and_time_for_5_50_200_and_400_people_over_10_days()
    {
        await using var tenant = await TestTenant.EmptyAsync(Organizer);
        var everyone = tenant.AddPeople(400);
        var window = new TimeRange(TestTenant.Monday, TestTenant.Monday.AddDays(10));
        // Two meetings a working day each, so answers carry items as a real panel's would.
        foreach (var person in everyone)
        {
            for (var day = 0; day < 10; day++)
            {
                var nine = TestTenant.Monday.AddDays(day).AddHours(9);
                tenant.Tenant.CreateEvent(person, new EventDraft { Subject = "Standup", Start = nine, End = nine.AddMinutes(15) });
                tenant.Tenant.CreateEvent(person, new EventDraft { Subject = "Review", Start = nine.AddHours(5), End = nine.AddHours(6) });
            }
        }

        var directory = new GraphFreeBusyDirectory(tenant.Client, TimeProvider.System);
        // Warm-up: the plain call and the batched path, so the figures leave JIT and connection set-up out.
        await directory.GetSchedulesAsync(Organizer, everyone.Take(5).ToList(), window, CancellationToken.None);
        await directory.GetSchedulesAsync(Organizer, everyone.Take(50).ToList(), window, CancellationToken.None);
        output.WriteLine("| people | HTTP calls (top-level) | getSchedule calls | wall time (ms) |");
        output.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var size in new[] { 5, 50, 200, 400 })
        {
            tenant.Tenant.ClearRequestLog();
            var clock = Stopwatch.StartNew();
            var schedules = await directory.GetSchedulesAsync(Organizer, everyone.Take(size).ToList(), window, CancellationToken.None);
            clock.Stop();

            var calls = tenant.TopLevelRequests.Count;
            var scheduleCalls = tenant.Tenant.RequestLog.Count(r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size} | {calls} | {scheduleCalls} | {clock.Elapsed.TotalMilliseconds:F0} |"));
            Assert.Equal(size, schedules.Count);
            Assert.Equal(1, calls);
            Assert.Equal((size + 19) / 20, scheduleCalls);
            Assert.All(schedules.Values, s => Assert.Equal(20, s.Busy.Count));
        }
    }
}
