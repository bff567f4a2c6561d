using Microsoft.Graph.Users.Item.Calendar.GetSchedule;

namespace InterviewScheduler.Sandbox.Tests.Calendar;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_bookings_and_free_busy_reads_keep_every_calendar_consistent()
    {
        await using var server = await Graph.EmptyTenantAsync();
        server.Tenant.AddUser("interviews@contoso.com", "Contoso Interviews", "UTC");
        server.Tenant.AddUser("panel@contoso.com", "Panel Member", "Asia/Kolkata");
        var client = Graph.For(server);
        var start = new DateTime(2026, 7, 6, 4, 0, 0);

        var bookings = Enumerable.Range(0, 40).Select(i => client.Users["interviews@contoso.com"].Events.PostAsync(
            Graph.Meeting($"Interview {i}", start.AddMinutes(15 * i), TimeSpan.FromMinutes(15), "panel@contoso.com")));
        var reads = Enumerable.Range(0, 20).Select(_ => client.Users["interviews@contoso.com"].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new GetSchedulePostRequestBody
        {
            Schedules = ["panel@contoso.com"],
            StartTime = Graph.At(start),
            EndTime = Graph.At(start.AddHours(10)),
            AvailabilityViewInterval = 15,
        }));
        await Task.WhenAll([.. bookings, .. reads]);

        Assert.Equal(40, server.Tenant.EventsOf("interviews@contoso.com").Count);
        Assert.Equal(40, server.Tenant.EventsOf("panel@contoso.com").Count);
        Assert.Equal(40, server.Tenant.EventsOf("panel@contoso.com").Select(e => e.ICalUId).Distinct().Count());
        // Outlook allows 4 concurrent requests per mailbox: the rest were answered 429 and retried by the SDK.
        Assert.Equal(60, server.Tenant.RequestLog.Count(r => r.Status != 429));
        Assert.All(server.Tenant.RequestLog.Where(r => r.Status == 429), r => Assert.StartsWith("/v1.0/users/interviews@contoso.com/", r.Path, StringComparison.Ordinal));
    }
}
