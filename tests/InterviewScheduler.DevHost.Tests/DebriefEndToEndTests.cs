using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using InterviewScheduler.DevHost.Azurite;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Subscriptions;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Xunit.Abstractions;

namespace InterviewScheduler.DevHost.Tests;

/// <summary>
/// The whole loop through the DevHost: the app subscribes to the sandbox's calendar notifications, a person moves
/// an interview in "Outlook" (the sandbox), and the debrief follows, by a notification or by reconciliation.
/// Each test has its own Azurite, since the DevHost listens on the real queue names.
/// </summary>
public sealed class DebriefEndToEndTests(ITestOutputHelper output)
{
    private const string ClientState = "end-to-end-client-state-0123";
    private const string London = "e2e.london@contoso.com";
    private const string Berlin = "e2e.berlin@contoso.com";
    private const string NewYork = "e2e.newyork@contoso.com";
    private const string Recruiter = "e2e.recruiter@contoso.com";

    [Fact]
    public async Task An_interview_moved_in_outlook_moves_the_debrief_through_a_change_notification()
    {
        await using var world = await World.StartAsync(notifications: true, reconcileSchedule: "0 0 0 1 1 *");
        var (applicationId, interviewEnd, eventId) = await world.BookPanelAsync(output);

        var moved = Stopwatch.StartNew();
        world.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, eventId, interviewEnd.AddHours(2).AddMinutes(-45), interviewEnd.AddHours(2));
        var debrief = await world.WaitForDebriefAsync(applicationId, interviewEnd.AddHours(2));
        moved.Stop();

        output.WriteLine($"interview moved in the sandbox -> debrief moved, through a notification: {moved.ElapsedMilliseconds} ms");
        Assert.Equal(interviewEnd.AddHours(2), debrief);
        Assert.Contains(world.Sandbox.Tenant.NotificationDeliveries, d => d.EventId == eventId && d.Outcome == NotificationOutcome.Delivered);
    }

    [Fact]
    public async Task With_notifications_off_reconciliation_moves_the_debrief()
    {
        await using var world = await World.StartAsync(notifications: false, reconcileSchedule: "*/2 * * * * *");
        var (applicationId, interviewEnd, eventId) = await world.BookPanelAsync(output);

        var moved = Stopwatch.StartNew();
        world.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, eventId, interviewEnd.AddHours(2).AddMinutes(-45), interviewEnd.AddHours(2));
        var debrief = await world.WaitForDebriefAsync(applicationId, interviewEnd.AddHours(2));
        moved.Stop();

        output.WriteLine($"interview moved in the sandbox -> debrief moved, through reconciliation every 2 s: {moved.ElapsedMilliseconds} ms");
        Assert.Equal(interviewEnd.AddHours(2), debrief);
        Assert.DoesNotContain(world.Sandbox.Tenant.NotificationDeliveries, d => d.EventId == eventId && d.Outcome != NotificationOutcome.Suppressed);
    }

    private sealed class World : IAsyncDisposable
    {
        private World(AzuriteProcess azurite, SandboxServer sandbox, TestDevHost host)
        {
            Azurite = azurite;
            Sandbox = sandbox;
            Host = host;
        }

        public AzuriteProcess Azurite { get; }

        public SandboxServer Sandbox { get; }

        public TestDevHost Host { get; }

        public static async Task<World> StartAsync(bool notifications, string reconcileSchedule)
        {
            var azurite = await TestStorage.StartPrivateAsync();
            var clock = TestClock.Default();
            var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = clock.StartDay, TimeProvider = clock });
            foreach (var (address, zone, start, end) in new[]
                     {
                         (London, "Europe/London", 9, 17), (Berlin, "Europe/Berlin", 8, 17), (NewYork, "America/New_York", 8, 17), (Recruiter, "Europe/London", 9, 18),
                     })
            {
                sandbox.Tenant.AddUser(SandboxUser.Create(address, address, zone, WorkingHours.Weekdays(new TimeOnly(start, 0), new TimeOnly(end, 0), zone)));
            }

            sandbox.Tenant.NotificationsEnabled = notifications;
            var port = FreePort();
            var host = await TestDevHost.StartAsync(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Graph:BaseUrl"] = sandbox.GraphBaseUrl.ToString(),
                ["Graph:Auth"] = "None",
                ["Notifications:PublicUrl"] = $"http://127.0.0.1:{port}/api/notifications/calendar",
                ["Notifications:ClientState"] = ClientState,
                ["Debrief:RecruiterMailbox"] = Recruiter,
                ["Debrief:ReconcileSchedule"] = reconcileSchedule,
            }, clock: clock);
            var world = new World(azurite, sandbox, host);

            // The subscription keeper runs at start: the sandbox validated our endpoint before creating it.
            await Until(() => Task.FromResult(sandbox.Tenant.Subscriptions.Count == 1));
            return world;
        }

        public async Task<(string ApplicationId, DateTimeOffset InterviewEnd, string EventId)> BookPanelAsync(ITestOutputHelper output)
        {
            using var applied = await Host.Http.PostAsJsonAsync("api/applications", new
            {
                candidate = new { name = "Ada Lovelace", email = "ada@example.org", timeZone = "Europe/London" },
                role = new { id = "senior-engineer", title = "Senior Software Engineer" },
            });
            Assert.Equal(HttpStatusCode.Accepted, applied.StatusCode);
            var applicationId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;

            using var booked = await Host.Http.PostAsJsonAsync($"api/applications/{applicationId}/interviews", new
            {
                sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = new[] { London, Berlin, NewYork }.Select(e => new { email = e }) } },
            });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
            var interview = body.GetProperty("interviews")[0];
            var end = interview.GetProperty("end").GetDateTimeOffset();
            var debriefStart = body.GetProperty("debrief").GetProperty("start").GetDateTimeOffset();
            output.WriteLine($"last interview end -> debrief start: {(debriefStart - end).TotalMinutes} min");
            Assert.Equal(end, debriefStart);
            return (applicationId, end, interview.GetProperty("eventId").GetString()!);
        }

        public async Task<DateTimeOffset> WaitForDebriefAsync(string applicationId, DateTimeOffset expectedStart)
        {
            DateTimeOffset start = default;
            await Until(async () =>
            {
                var view = await Host.Http.GetFromJsonAsync<JsonElement>($"api/applications/{applicationId}");
                start = view.GetProperty("debrief").GetProperty("start").GetDateTimeOffset();
                return start == expectedStart;
            });
            return start;
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Sandbox.DisposeAsync();
            await Azurite.DisposeAsync();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task Until(Func<Task<bool>> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!await condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
                await Task.Delay(50);
            }
        }
    }
}
