using System.Text.Json;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Subscriptions;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Sandbox.Tests.Subscriptions;

/// <summary>
/// Graph throttles a webhook endpoint that answers slowly or fails (concepts/change-notifications-delivery-webhooks.md,
/// "Throttling"): a slow endpoint's notifications go out 10 minutes late, one past the drop threshold loses them for 10
/// minutes. Each test owns an empty tenant on an explicit clock that only the test moves, and a receiver; answer times
/// are real (the sender measures the network), so tests that need slow answers lower <see cref="NotificationThrottling.SlowResponse"/>,
/// and tests that need a mark in few notifications lower <see cref="NotificationThrottling.MinimumResponses"/>.
/// </summary>
public sealed class NotificationThrottlingTests : IAsyncLifetime
{
    private const string Organizer = "interviews@contoso.com";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private SandboxServer _server = null!;
    private NotificationReceiver _receiver = null!;
    private SandboxSubscription _subscription = null!;
    private int _events;

    private SandboxTenant Tenant => _server.Tenant;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { SeedCompany = false, TimeProvider = _clock });
        _receiver = await NotificationReceiver.StartAsync();
        Tenant.AddUser(Organizer, "Contoso Interviews", "Europe/London");
        var created = await Tenant.CreateSubscriptionAsync(new SubscriptionRequest(
            "created,updated,deleted", _receiver.NotificationUrl.ToString(), _receiver.LifecycleNotificationUrl.ToString(),
            $"users/{Organizer}/events", Start.AddDays(3), "throttling-test-client-state"));
        _subscription = created.Subscription!;
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_fast_endpoint_gets_every_notification_at_once_with_the_documented_settings()
    {
        Assert.Equal(NotificationThrottling.Documented, Tenant.NotificationThrottling);

        var created = Interviews(120); // more than the 100 responses a window needs before it can mark the endpoint

        var received = await _receiver.WaitForAsync(r => r.Count >= created.Count, Patience);
        Assert.Equal(created, received.Select(n => n.EventId!));
        var deliveries = await Deliveries.FinishedAsync(Tenant, created.Count, Patience);
        Assert.All(deliveries, d => Assert.Equal((NotificationOutcome.Delivered, (DateTimeOffset?)null), (d.Outcome, d.SendAfter)));
        Assert.Equal(EndpointThrottleState.Normal, Tenant.ThrottleStateOf(_receiver.NotificationUrl));
    }

    [Fact]
    public async Task Fewer_responses_than_the_minimum_mark_nothing_however_many_fail()
    {
        Tenant.NotificationRetries = 0;
        _receiver.NotificationStatus = 503;
        await SettledAsync(Interviews(5));
        _receiver.NotificationStatus = 202;

        var next = Interviews(1).Single();

        await _receiver.WaitForAsync(r => r.Any(n => n.EventId == next), Patience);
        Assert.Equal(EndpointThrottleState.Normal, Tenant.ThrottleStateOf(_receiver.NotificationUrl));
    }

    [Fact]
    public async Task A_slow_endpoint_gets_its_notifications_ten_minutes_late_until_a_window_of_quick_answers()
    {
        Tenant.NotificationThrottling = NotificationThrottling.Documented with { MinimumResponses = 20, SlowResponse = TimeSpan.FromSeconds(1) };
        _receiver.ResponseDelay = TimeSpan.FromSeconds(1.5);
        await SettledAsync(Interviews(2));
        _receiver.ResponseDelay = TimeSpan.Zero;
        await SettledAsync(Interviews(18)); // 2 slow answers in 20: 10%, slow but short of drop's 15%
        Assert.Equal(EndpointThrottleState.Slow, Tenant.ThrottleStateOf(_receiver.NotificationUrl));

        var late = Interviews(1).Single();
        await NothingElseArrivedAsync();
        var held = Tenant.NotificationDeliveries.Single(d => d.EventId == late);
        Assert.Equal((NotificationOutcome.Pending, (DateTimeOffset?)(Start + TenMinutes)), (held.Outcome, held.SendAfter));
        _clock.Advance(TenMinutes - TimeSpan.FromSeconds(1));
        await NothingElseArrivedAsync();
        Assert.DoesNotContain(_receiver.Received, n => n.EventId == late);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _receiver.WaitForAsync(r => r.Any(n => n.EventId == late), Patience);
        Assert.Equal(NotificationOutcome.Delivered, (await SettledAsync([late])).Single().Outcome);

        // The window the late notification was answered in held only quick answers: at its end the mark is lifted.
        _clock.Advance(TenMinutes);
        var onTime = Interviews(1).Single();
        await _receiver.WaitForAsync(r => r.Any(n => n.EventId == onTime), Patience);
        Assert.Equal(EndpointThrottleState.Normal, Tenant.ThrottleStateOf(_receiver.NotificationUrl));
    }

    [Fact]
    public async Task An_endpoint_past_the_drop_threshold_loses_its_notifications_for_ten_minutes_then_gets_them_again()
    {
        Tenant.NotificationThrottling = NotificationThrottling.Documented with { MinimumResponses = 20 };
        Tenant.NotificationRetries = 0; // the failures below are counted once each
        _receiver.NotificationStatus = 503;
        await SettledAsync(Interviews(3));
        _receiver.NotificationStatus = 202;
        await SettledAsync(Interviews(17)); // 3 failures in 20: 15%
        Assert.Equal(EndpointThrottleState.Drop, Tenant.ThrottleStateOf(_receiver.NotificationUrl));

        var lost = Interviews(1).Single();
        _clock.Advance(TenMinutes - TimeSpan.FromSeconds(1));
        var alsoLost = Interviews(1).Single();
        await NothingElseArrivedAsync();

        Assert.All(Tenant.NotificationDeliveries.Where(d => d.EventId == lost || d.EventId == alsoLost),
            d => Assert.Equal(NotificationOutcome.Dropped, d.Outcome));
        Assert.DoesNotContain(_receiver.Received, n => n.EventId == lost || n.EventId == alsoLost);
        using (var log = JsonDocument.Parse(await ControlAsync("sandbox/notifications")))
        {
            Assert.Equal(2, log.RootElement.EnumerateArray().Count(e => e.GetProperty("outcome").GetString() == "dropped"));
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        var back = Interviews(1).Single();
        await _receiver.WaitForAsync(r => r.Any(n => n.EventId == back), Patience);
        await SettledAsync([back]);
        _clock.Advance(TenMinutes);
        Assert.Equal(EndpointThrottleState.Normal, Tenant.ThrottleStateOf(_receiver.NotificationUrl));
        Assert.Equal(2, Tenant.NotificationDeliveries.Count(d => d.EventId == lost || d.EventId == alsoLost)); // never sent again
    }

    [Fact]
    public async Task Lifecycle_notifications_take_the_same_path_and_are_throttled_on_their_own_endpoint()
    {
        Tenant.NotificationThrottling = NotificationThrottling.Documented with { MinimumResponses = 5 };
        Tenant.NotificationRetries = 0;
        _receiver.NotificationStatus = 503;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LifecycleOutcome.Queued, Tenant.SendLifecycleNotification(_subscription.Id, "missed"));
        }

        await Deliveries.FinishedAsync(Tenant, 5, Patience);
        _receiver.NotificationStatus = 202;

        Assert.Equal(LifecycleOutcome.Queued, Tenant.SendLifecycleNotification(_subscription.Id, "reauthorizationRequired"));
        var change = Interviews(1).Single();

        await _receiver.WaitForAsync(r => r.Any(n => n.EventId == change), Patience);
        var reauthorization = Tenant.NotificationDeliveries.Single(d => d.Event == "reauthorizationRequired");
        Assert.Equal((NotificationKind.Lifecycle, NotificationOutcome.Dropped), (reauthorization.Kind, reauthorization.Outcome));
        Assert.Equal(EndpointThrottleState.Drop, Tenant.ThrottleStateOf(_receiver.LifecycleNotificationUrl));
        Assert.Equal(EndpointThrottleState.Normal, Tenant.ThrottleStateOf(_receiver.NotificationUrl));
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Tenant.NotificationThrottling = NotificationThrottling.Documented with { DropPercentage = 5 });
        Assert.Throws<ArgumentException>(() => Tenant.NotificationThrottling = NotificationThrottling.Documented with { MinimumResponses = 0 });
        Assert.Throws<ArgumentException>(() => Tenant.NotificationThrottling = NotificationThrottling.Documented with { Window = TimeSpan.Zero });
        Assert.Equal(NotificationThrottling.Documented, Tenant.NotificationThrottling);
    }

    /// <summary>Creates <paramref name="count"/> events in the watched calendar, one notification each, and returns their ids in order.</summary>
    private List<string> Interviews(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var start = Start.AddDays(1).AddMinutes(15 * _events++);
            ids.Add(Tenant.CreateEvent(Organizer, new EventDraft { Subject = $"Interview {_events}", Start = start, End = start.AddMinutes(45) }).Event.Id);
        }

        return ids;
    }

    /// <summary>Waits until every notification about these events has a final outcome, and returns those deliveries.</summary>
    private async Task<IReadOnlyList<NotificationDelivery>> SettledAsync(List<string> eventIds)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var mine = Tenant.NotificationDeliveries.Where(d => d.EventId is { } id && eventIds.Contains(id)).ToList();
            if (mine.Count >= eventIds.Count && mine.All(d => d.Outcome != NotificationOutcome.Pending)) return mine;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the notifications about {eventIds.Count} events did not finish.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Proves that nothing queued before now is still on its way: a lifecycle notification (another endpoint, in good
    /// standing) goes out at once, and the sender sends in order, so once it arrives anything queued earlier had arrived.
    /// </summary>
    private async Task NothingElseArrivedAsync()
    {
        var before = _receiver.Received.Count(n => n.LifecycleEvent == "missed");
        Assert.Equal(LifecycleOutcome.Queued, Tenant.SendLifecycleNotification(_subscription.Id, "missed"));
        await _receiver.WaitForAsync(r => r.Count(n => n.LifecycleEvent == "missed") > before, Patience);
    }

    private async Task<string> ControlAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = _server.RootUrl };
        return await http.GetStringAsync(path);
    }
}
