using System.Text.Json;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Subscriptions;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Debriefs;

/// <summary>The subscription on the organizer's calendar: created, renewed, replaced, and lifecycle notifications.</summary>
public sealed class CalendarWatchTests
{
    [Fact]
    public async Task The_keeper_creates_the_subscription_once_and_renews_it_before_it_expires()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var time = new FakeTimeProvider(TestClock.DefaultStart);
        await using var app = await StartAsync(receiver, time);
        var keeper = app.Function<CalendarWatchFunctions>();
        var state = app.Services.GetRequiredService<ICalendarWatchState>();
        var organizer = app.Services.GetRequiredService<Core.Interviews.SchedulingOptions>().OrganizerMailbox;

        await keeper.KeepSubscription(new TimerInfo(), CancellationToken.None);
        await keeper.KeepSubscription(new TimerInfo(), CancellationToken.None);

        var subscription = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        Assert.Equal(2, receiver.ValidationTokens.Count); // one handshake for each URL, once
        var created = await state.FindSubscriptionAsync(organizer, CancellationToken.None);
        Assert.Equal(subscription.Id, created!.Id);
        Assert.Equal(time.GetUtcNow() + CalendarWatch.SubscriptionLifetime, created.ExpiresAt);

        // Less than a day before it expires, the next run renews the same subscription.
        time.Advance(CalendarWatch.SubscriptionLifetime - CalendarWatch.RenewBefore + TimeSpan.FromMinutes(1));
        await keeper.KeepSubscription(new TimerInfo(), CancellationToken.None);

        var renewed = await state.FindSubscriptionAsync(organizer, CancellationToken.None);
        Assert.Equal(subscription.Id, renewed!.Id);
        Assert.Equal(time.GetUtcNow() + CalendarWatch.SubscriptionLifetime, renewed.ExpiresAt);
        Assert.Equal(renewed.ExpiresAt, Assert.Single(app.Sandbox.Tenant.Subscriptions).ExpirationDateTime);
    }

    [Fact]
    public async Task Lifecycle_notifications_renew_replace_or_reconcile_and_a_wrong_client_state_does_nothing()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var app = await StartAsync(receiver);
        await app.Function<CalendarWatchFunctions>().KeepSubscription(new TimerInfo(), CancellationToken.None);
        var first = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        app.Sandbox.Tenant.ClearRequestLog();

        await LifecycleAsync(app, first.Id, "reauthorizationRequired", "forged-client-state-000000");
        Assert.Empty(app.Sandbox.Tenant.RequestLog);

        await LifecycleAsync(app, first.Id, "reauthorizationRequired");
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Method == "PATCH" && r.Path.EndsWith(first.Id, StringComparison.Ordinal));

        app.Sandbox.Tenant.DeleteSubscription(first.Id);
        await LifecycleAsync(app, first.Id, "subscriptionRemoved");
        Assert.NotEqual(first.Id, Assert.Single(app.Sandbox.Tenant.Subscriptions).Id);

        await LifecycleAsync(app, first.Id, "missed");
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Path.Contains("calendarView", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_lifecycle_notification_is_answered_at_once_and_its_work_is_left_on_the_queue()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var app = await StartAsync(receiver);
        await app.Function<CalendarWatchFunctions>().KeepSubscription(new TimerInfo(), CancellationToken.None);
        var first = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        app.Sandbox.Tenant.DeleteSubscription(first.Id);
        app.Sandbox.Tenant.ClearRequestLog();

        var body = JsonSerializer.Serialize(new { value = new[] { new { subscriptionId = first.Id, clientState = TestApp.ClientState, lifecycleEvent = "subscriptionRemoved" } } });
        var answer = await app.Function<LifecycleNotificationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);

        Assert.IsType<AcceptedResult>(answer);
        Assert.Empty(app.Sandbox.Tenant.RequestLog); // nothing asked of Graph while Graph waits for the answer
        Assert.Empty(app.Sandbox.Tenant.Subscriptions);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));
        Assert.Single(app.Sandbox.Tenant.Subscriptions);
    }

    [Fact]
    public async Task Subscription_removed_delivered_three_times_at_once_and_once_late_leaves_one_subscription()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var app = await StartAsync(receiver);
        await app.Function<CalendarWatchFunctions>().KeepSubscription(new TimerInfo(), CancellationToken.None);
        var first = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        app.Sandbox.Tenant.DeleteSubscription(first.Id);
        var body = JsonSerializer.Serialize(new { value = new[] { new { subscriptionId = first.Id, clientState = TestApp.ClientState, lifecycleEvent = "subscriptionRemoved" } } });

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Function<LifecycleNotificationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None)));
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));
        var replacement = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        await app.Function<LifecycleNotificationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(replacement.Id, Assert.Single(app.Sandbox.Tenant.Subscriptions).Id);
        Assert.Equal(replacement.Id, (await app.Services.GetRequiredService<ICalendarWatchState>().FindSubscriptionAsync(SandboxCompany.OrganizerMailbox, CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task A_changed_client_state_replaces_the_subscription_so_notifications_carry_the_new_secret()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var app = await StartAsync(receiver);
        await app.Function<CalendarWatchFunctions>().KeepSubscription(new TimerInfo(), CancellationToken.None);
        var old = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        var options = app.Services.GetRequiredService<NotificationOptions>();
        var rotated = new NotificationOptions { PublicUrl = options.PublicUrl, LifecycleNotificationUrl = options.LifecycleNotificationUrl, ClientState = "a-new-secret-after-provisioning" };
        var watch = ActivatorUtilities.CreateInstance<CalendarWatch>(app.Services, rotated);

        await watch.EnsureSubscriptionAsync(force: false, CancellationToken.None);
        await watch.EnsureSubscriptionAsync(force: false, CancellationToken.None);

        var current = Assert.Single(app.Sandbox.Tenant.Subscriptions);
        Assert.NotEqual(old.Id, current.Id);
        Assert.Equal("a-new-secret-after-provisioning", current.ClientState);
    }

    private static Task<TestApp> StartAsync(NotificationReceiver receiver, TimeProvider? time = null) => TestApp.StartAsync(
        new Dictionary<string, string?>
        {
            ["Notifications:PublicUrl"] = receiver.NotificationUrl.ToString(),
            ["Notifications:LifecycleNotificationUrl"] = receiver.LifecycleNotificationUrl.ToString(),
        },
        clock: time);

    private static async Task LifecycleAsync(TestApp app, string subscriptionId, string lifecycleEvent, string clientState = TestApp.ClientState)
    {
        var body = JsonSerializer.Serialize(new { value = new[] { new { subscriptionId, clientState, lifecycleEvent } } });
        await app.Function<LifecycleNotificationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));
    }
}
