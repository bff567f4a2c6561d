using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Graph.Subscriptions;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Subscriptions;

namespace InterviewScheduler.Graph.Tests.Subscriptions;

/// <summary>GraphCalendarSubscriptions through the real Graph SDK against an empty sandbox, with a notification receiver on its own port.</summary>
public sealed class CalendarSubscriptionsTests : IAsyncLifetime
{
    private const string Organizer = "interviews@fabrikam.com";
    private const string ClientState = "debrief-watch-42";

    private TestTenant _tenant = null!;
    private NotificationReceiver _receiver = null!;
    private GraphCalendarSubscriptions _subscriptions = null!;

    private DateTimeOffset Now => _tenant.Tenant.TimeProvider.GetUtcNow();

    public async Task InitializeAsync()
    {
        _tenant = await TestTenant.EmptyAsync(Organizer);
        _receiver = await NotificationReceiver.StartAsync();
        _subscriptions = new GraphCalendarSubscriptions(_tenant.Client);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    private Task<Core.Debriefs.CalendarSubscription> SubscribeAsync(DateTimeOffset? expiresAt = null) =>
        _subscriptions.CreateAsync(Organizer, _receiver.NotificationUrl, _receiver.LifecycleNotificationUrl, ClientState, expiresAt ?? Now.AddDays(3), CancellationToken.None);

    [Fact]
    public async Task A_subscription_watches_every_change_to_the_organizers_events()
    {
        var expiresAt = Now.AddDays(3);

        var subscription = await SubscribeAsync(expiresAt);

        var held = Assert.Single(_tenant.Tenant.Subscriptions);
        Assert.Equal((held.Id, $"users/{Organizer}/events"), (subscription.Id, subscription.Resource));
        Assert.Equal(expiresAt, subscription.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(["created", "updated", "deleted"], held.ChangeTypes);
        Assert.Equal((ClientState, _receiver.LifecycleNotificationUrl), (held.ClientState, held.LifecycleNotificationUrl));
        Assert.Equal(2, _receiver.ValidationTokens.Count);
    }

    [Fact]
    public async Task A_moved_interview_reaches_the_endpoint_the_subscription_names()
    {
        var subscription = await SubscribeAsync();
        var start = TestTenant.Monday.AddDays(1).AddHours(10);
        var interview = _tenant.Tenant.CreateEvent(Organizer, new EventDraft { Subject = "Interview", Start = start, End = start.AddMinutes(45) }).Event;

        _tenant.Tenant.MoveEvent(Organizer, interview.Id, start.AddHours(2), start.AddHours(2).AddMinutes(45));

        var received = await _receiver.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(10));
        Assert.All(received, n => Assert.Equal((subscription.Id, ClientState, interview.Id), (n.SubscriptionId, n.ClientState, n.EventId)));
        Assert.Equal(["created", "updated"], received.Select(n => n.ChangeType));
    }

    [Fact]
    public async Task A_throttled_create_is_retried_by_the_SDK_and_subscribes_once()
    {
        _tenant.Tenant.AddFault(new FaultRule { PathPattern = "/subscriptions", Method = "POST", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });

        var subscription = await SubscribeAsync();

        Assert.Equal(subscription.Id, Assert.Single(_tenant.Tenant.Subscriptions).Id);
        Assert.Equal([429, 201], _tenant.TopLevelRequests.Where(r => r.Path == "/v1.0/subscriptions").Select(r => r.Status));
    }

    [Fact]
    public async Task Renewing_moves_the_expiration()
    {
        var subscription = await SubscribeAsync();
        var later = Now.AddDays(6);

        var renewed = await _subscriptions.RenewAsync(subscription.Id, later, CancellationToken.None);

        Assert.NotNull(renewed);
        Assert.Equal(subscription.Id, renewed.Id);
        Assert.Equal(later, renewed.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(later, _tenant.Tenant.FindSubscription(subscription.Id)!.ExpirationDateTime, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Renewing_a_subscription_Graph_removed_or_never_had_gives_null()
    {
        var subscription = await SubscribeAsync();
        _tenant.Tenant.SendLifecycleNotification(subscription.Id, "subscriptionRemoved");

        var removed = await _subscriptions.RenewAsync(subscription.Id, Now.AddDays(1), CancellationToken.None);
        var unknown = await _subscriptions.RenewAsync(Guid.NewGuid().ToString(), Now.AddDays(1), CancellationToken.None);

        Assert.Null(removed);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task An_endpoint_that_fails_validation_or_a_week_too_long_is_Graphs_400()
    {
        var tooLong = await Assert.ThrowsAsync<GraphCalendarException>(() => SubscribeAsync(Now.AddDays(8)));
        _receiver.EchoesValidationTokens = false;
        var unvalidated = await Assert.ThrowsAsync<GraphCalendarException>(() => SubscribeAsync());

        Assert.Equal((400, 400), (tooLong.StatusCode, unvalidated.StatusCode));
        Assert.Contains("Subscription validation request failed", unvalidated.Message, StringComparison.Ordinal);
        Assert.Empty(_tenant.Tenant.Subscriptions);
    }

    [Fact]
    public async Task A_renewal_too_far_ahead_is_refused_not_taken_for_a_missing_subscription()
    {
        var subscription = await SubscribeAsync();

        var refused = await Assert.ThrowsAsync<GraphCalendarException>(() => _subscriptions.RenewAsync(subscription.Id, Now.AddDays(8), CancellationToken.None));

        Assert.Equal(400, refused.StatusCode);
    }
}
