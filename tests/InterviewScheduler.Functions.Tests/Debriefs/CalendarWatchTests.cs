using System.Text.Json;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Sandbox.Subscriptions;
using InterviewScheduler.Testing;
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
    }
}
