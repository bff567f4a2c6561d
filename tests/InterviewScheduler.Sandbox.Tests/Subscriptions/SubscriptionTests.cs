using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Subscriptions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace InterviewScheduler.Sandbox.Tests.Subscriptions;

/// <summary>
/// Change-notification subscriptions through the real Graph SDK, with a notification receiver on its own loopback
/// port; each test owns an empty tenant and a receiver.
/// </summary>
public sealed class SubscriptionTests : IAsyncLifetime
{
    private const string Organizer = "interviews@contoso.com";
    private const string Interviewer = "staff.engineer@contoso.com";
    private const string ClientState = "debrief-watch-7f3a";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Ten = new(2026, 6, 2, 10, 0, 0, TimeSpan.Zero);

    private SandboxServer _server = null!;
    private GraphServiceClient _client = null!;
    private NotificationReceiver _receiver = null!;
    private HttpClient _control = null!;

    private SandboxTenant Tenant => _server.Tenant;

    public async Task InitializeAsync()
    {
        _server = await Graph.EmptyTenantAsync();
        _client = Graph.For(_server);
        _receiver = await NotificationReceiver.StartAsync();
        _control = new HttpClient { BaseAddress = _server.RootUrl };
        Tenant.AddUser(Organizer, "Contoso Interviews", "Europe/London");
        Tenant.AddUser(Interviewer, "Daniel Okafor", "Europe/London");
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        await _receiver.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Subscription Request(DateTimeOffset? expires = null, string resource = $"users/{Organizer}/events") => new()
    {
        ChangeType = "created,updated,deleted",
        NotificationUrl = _receiver.NotificationUrl.ToString(),
        LifecycleNotificationUrl = _receiver.LifecycleNotificationUrl.ToString(),
        Resource = resource,
        ExpirationDateTime = expires ?? Tenant.TimeProvider.GetUtcNow().AddDays(2),
        ClientState = ClientState,
    };

    private async Task<Subscription> SubscribeAsync() => (await _client.Subscriptions.PostAsync(Request()))!;

    private SandboxEvent Interview(string subject = "Interview: Backend Engineer", DateTimeOffset? start = null) =>
        Tenant.CreateEvent(Organizer, new EventDraft
        {
            Subject = subject,
            Start = start ?? Ten,
            End = (start ?? Ten).AddMinutes(45),
            Attendees = [new InvitedAttendee(Interviewer), new InvitedAttendee("ada@example.org")],
        }).Event;

    [Fact]
    public async Task Creating_a_subscription_validates_both_endpoints_and_answers_with_the_subscription()
    {
        var created = await SubscribeAsync();

        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.Equal("created,updated,deleted", created.ChangeType);
        Assert.Equal($"users/{Organizer}/events", created.Resource);
        Assert.Equal(ClientState, created.ClientState);
        Assert.Equal(_receiver.NotificationUrl.ToString(), created.NotificationUrl);
        Assert.Equal(2, _receiver.ValidationTokens.Count);
        Assert.All(_receiver.ValidationTokens, t => Assert.StartsWith("Validation: Testing client application reachability", t, StringComparison.Ordinal));
        var held = Assert.Single(Tenant.Subscriptions);
        Assert.Equal(created.Id, held.Id);
        Assert.Equal(Tenant.FindUser(Organizer)!.Id, held.UserId);
    }

    [Theory]
    [InlineData("/users/{0}/events")]
    [InlineData("users('{0}')/events")]
    [InlineData("Users/{0}/Events")]
    public async Task The_resource_may_name_the_mailbox_in_each_of_Graphs_spellings(string pattern)
    {
        var created = await _client.Subscriptions.PostAsync(Request(resource: string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Organizer)));

        Assert.Equal(Organizer, Tenant.FindSubscription(created!.Id!)!.Mailbox);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_echo_the_token_is_refused_with_400_and_nothing_is_subscribed()
    {
        _receiver.EchoesValidationTokens = false;

        var refused = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions.PostAsync(Request()));

        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.StartsWith("Subscription validation request failed.", refused.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(Tenant.Subscriptions);
    }

    [Fact]
    public async Task An_expiration_more_than_10080_minutes_ahead_or_in_the_past_is_refused()
    {
        var now = Tenant.TimeProvider.GetUtcNow();

        var tooFar = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions.PostAsync(Request(now.AddMinutes(10081))));
        var past = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions.PostAsync(Request(now.AddMinutes(-1))));
        var justInside = await _client.Subscriptions.PostAsync(Request(now.AddMinutes(10079)));

        Assert.Equal((400, 400), (tooFar.ResponseStatusCode, past.ResponseStatusCode));
        Assert.Contains("10080 minutes", tooFar.Error?.Message, StringComparison.Ordinal);
        Assert.NotNull(justInside?.Id);
    }

    [Fact]
    public async Task An_unknown_mailbox_answers_404()
    {
        var refused = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions.PostAsync(Request(resource: "users/nobody@contoso.com/events")));

        Assert.Equal(404, refused.ResponseStatusCode);
    }

    [Fact]
    public async Task A_moved_interview_delivers_an_updated_notification_with_the_client_state()
    {
        var interview = Interview();
        var subscription = await SubscribeAsync();

        Tenant.MoveEvent(Organizer, interview.Id, Ten.AddHours(2), Ten.AddHours(2).AddMinutes(45));

        var received = await _receiver.WaitForAsync(r => r.Count >= 1, Patience);
        var notification = Assert.Single(received);
        Assert.Equal(("updated", ClientState, subscription.Id, interview.Id), (notification.ChangeType, notification.ClientState, notification.SubscriptionId, notification.EventId));
        var userId = Tenant.FindUser(Organizer)!.Id;
        Assert.Equal($"Users/{userId}/Events/{interview.Id}", notification.Item["resource"]!.GetValue<string>());
        Assert.Equal("#Microsoft.Graph.Event", notification.Item["resourceData"]!["@odata.type"]!.GetValue<string>());
        Assert.Equal(Tenant.TenantId.ToString(), notification.Item["tenantId"]!.GetValue<string>());
        Assert.Equal(NotificationOutcome.Delivered, (await DeliveredAsync(1)).Single().Outcome);
    }

    [Fact]
    public async Task A_move_through_Graph_a_new_interview_and_an_attendee_response_each_notify()
    {
        var interview = Interview();
        await SubscribeAsync();

        await _client.Users[Organizer].Events[interview.Id].PatchAsync(new Event { Start = Graph.At(Ten.UtcDateTime.AddDays(1)), End = Graph.At(Ten.UtcDateTime.AddDays(1).AddMinutes(45)) });
        var second = Interview("Interview: second round", Ten.AddDays(3));
        Tenant.RespondToEvent(Interviewer, interview.Id, AttendeeResponse.Declined);

        var received = await _receiver.WaitForAsync(r => r.Count >= 3, Patience);
        Assert.Equal([("updated", interview.Id), ("created", second.Id), ("updated", interview.Id)], received.Select(n => (n.ChangeType!, n.EventId!)));
    }

    [Fact]
    public async Task Concurrent_moves_through_Graph_each_deliver_one_notification()
    {
        var interviews = Enumerable.Range(0, 12).Select(i => Interview($"Interview {i}", Ten.AddDays(i))).ToList();
        await SubscribeAsync();
        var before = Tenant.LastChangeSequence;

        await Task.WhenAll(interviews.Select(i => _client.Users[Organizer].Events[i.Id].PatchAsync(new Event
        {
            Start = Graph.At(i.Start.UtcDateTime.AddHours(3)),
            End = Graph.At(i.Start.UtcDateTime.AddHours(4)),
        })));

        var received = await _receiver.WaitForAsync(r => r.Count >= interviews.Count, Patience);
        Assert.Equal(interviews.Select(i => i.Id).Order(StringComparer.Ordinal), received.Select(n => n.EventId!).Order(StringComparer.Ordinal));
        Assert.All(received, n => Assert.Equal("updated", n.ChangeType));
        // Each move changes the organizer's event and the interviewer's copy.
        Assert.Equal(before + (2 * interviews.Count), Tenant.LastChangeSequence);
    }

    [Fact]
    public async Task A_cancelled_interview_delivers_deleted_because_Graph_removes_the_organizers_event()
    {
        var interview = Interview();
        await SubscribeAsync();

        using var cancelled = await _control.PostAsJsonAsync($"sandbox/mailboxes/{Organizer}/events/{interview.Id}/cancel", new { comment = "Candidate withdrew" });

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var notification = Assert.Single(await _receiver.WaitForAsync(r => r.Count >= 1, Patience));
        Assert.Equal(("deleted", interview.Id), (notification.ChangeType, notification.EventId));
    }

    [Fact]
    public async Task A_subscription_on_one_mailbox_hears_nothing_from_another()
    {
        await SubscribeAsync();
        var interview = Interview();

        // The interviewer's copy changes too when they accept, but only the organizer's mailbox is watched.
        Tenant.RespondToEvent(Interviewer, interview.Id, AttendeeResponse.Accepted);

        var received = await _receiver.WaitForAsync(r => r.Count >= 2, Patience);
        Assert.All(received, n => Assert.Equal(interview.Id, n.EventId));
        Assert.Equal(["created", "updated"], received.Select(n => n.ChangeType));
    }

    [Fact]
    public async Task With_delivery_switched_off_changes_are_logged_as_suppressed_and_never_sent()
    {
        var first = Interview();
        var second = Interview("Interview: second round", Ten.AddDays(1));
        await SubscribeAsync();

        using (var off = await _control.PutAsJsonAsync("sandbox/notifications/delivery", new { enabled = false }))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        Tenant.MoveEvent(Organizer, first.Id, Ten.AddHours(3), Ten.AddHours(4));
        Tenant.NotificationsEnabled = true;
        Tenant.MoveEvent(Organizer, second.Id, Ten.AddDays(1).AddHours(3), Ten.AddDays(1).AddHours(4));

        // Notifications go out in order, so once the second move has arrived the first would have too.
        await _receiver.WaitForAsync(r => r.Any(n => n.EventId == second.Id), Patience);
        Assert.DoesNotContain(_receiver.Received, n => n.EventId == first.Id);
        var suppressed = Assert.Single(Tenant.NotificationDeliveries, d => d.EventId == first.Id);
        Assert.Equal(NotificationOutcome.Suppressed, suppressed.Outcome);
    }

    [Fact]
    public async Task A_notification_redelivered_twice_arrives_three_times_with_the_same_body()
    {
        var interview = Interview();
        await SubscribeAsync();
        Tenant.MoveEvent(Organizer, interview.Id, Ten.AddHours(1), Ten.AddHours(2));
        var original = (await DeliveredAsync(1)).Single();

        using var redelivered = await _control.PostAsJsonAsync($"sandbox/notifications/{original.Id}/redeliver", new { times = 2 });

        Assert.Equal(HttpStatusCode.Accepted, redelivered.StatusCode);
        var received = await _receiver.WaitForAsync(r => r.Count >= 3, Patience);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(n => n.Item.ToJsonString()).Distinct());
        Assert.All(Tenant.NotificationDeliveries.Skip(1), d => Assert.Equal(original.Id, d.RepeatOf));
    }

    [Fact]
    public async Task A_failed_delivery_is_logged_with_the_receivers_status()
    {
        _receiver.NotificationStatus = 500;
        var interview = Interview();
        await SubscribeAsync();

        Tenant.MoveEvent(Organizer, interview.Id, Ten.AddHours(1), Ten.AddHours(2));

        var failed = (await DeliveredAsync(1)).Single();
        Assert.Equal((NotificationOutcome.Failed, 500), (failed.Outcome, failed.Status));
    }

    [Fact]
    public async Task A_failed_delivery_is_sent_again_until_the_endpoint_takes_it()
    {
        _receiver.NotificationStatus = 503;
        var interview = Interview();
        await SubscribeAsync();

        Tenant.MoveEvent(Organizer, interview.Id, Ten.AddHours(1), Ten.AddHours(2));
        var failed = (await DeliveredAsync(1)).Single();
        _receiver.NotificationStatus = 202;

        // At least once: the same notification again, a second later, marked as a repeat of the first.
        var done = await DeliveredAsync(2);
        var again = Assert.Single(done, d => d.Id != failed.Id);
        Assert.Equal((NotificationOutcome.Delivered, failed.Id, 2), (again.Outcome, again.RepeatOf, again.Attempt));
        Assert.Equal(failed.Body, again.Body);
        Assert.Equal(2, _receiver.Received.Count(r => r.EventId == interview.Id));
    }

    [Fact]
    public async Task Lifecycle_notifications_reach_the_lifecycle_url_and_subscription_removed_ends_the_subscription()
    {
        var subscription = await SubscribeAsync();

        using (var reauthorize = await _control.PostAsJsonAsync($"sandbox/subscriptions/{subscription.Id}/lifecycle", new { lifecycleEvent = "reauthorizationRequired" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, reauthorize.StatusCode);
        }

        Assert.Equal(LifecycleOutcome.Queued, Tenant.SendLifecycleNotification(subscription.Id!, "subscriptionRemoved"));

        var received = await _receiver.WaitForAsync(r => r.Count >= 2, Patience);
        Assert.All(received, n => Assert.Equal(("lifecycle", subscription.Id, ClientState), (n.Endpoint, n.SubscriptionId, n.ClientState)));
        Assert.Equal(["reauthorizationRequired", "subscriptionRemoved"], received.Select(n => n.LifecycleEvent));
        Assert.Empty(Tenant.Subscriptions);
        var gone = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions[subscription.Id].GetAsync());
        Assert.Equal(404, gone.ResponseStatusCode);
    }

    [Fact]
    public async Task Renewing_extends_the_expiration_and_an_unknown_subscription_answers_404()
    {
        var subscription = await SubscribeAsync();
        var later = Tenant.TimeProvider.GetUtcNow().AddDays(6);

        var renewed = await _client.Subscriptions[subscription.Id].PatchAsync(new Subscription { ExpirationDateTime = later });
        var unknown = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions[Guid.NewGuid().ToString()].PatchAsync(new Subscription { ExpirationDateTime = later }));
        var tooFar = await Assert.ThrowsAsync<ODataError>(() => _client.Subscriptions[subscription.Id].PatchAsync(new Subscription { ExpirationDateTime = later.AddDays(2) }));

        Assert.Equal(later, renewed!.ExpirationDateTime!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(later, Tenant.FindSubscription(subscription.Id!)!.ExpirationDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal((404, 400), (unknown.ResponseStatusCode, tooFar.ResponseStatusCode));
    }

    [Fact]
    public async Task Deleting_a_subscription_stops_its_notifications()
    {
        var subscription = await SubscribeAsync();

        await _client.Subscriptions[subscription.Id].DeleteAsync();
        Interview();

        Assert.Empty(Tenant.Subscriptions);
        Assert.Empty(Tenant.NotificationDeliveries);
    }

    [Fact]
    public async Task An_expired_subscription_is_forgotten_and_sends_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { SeedCompany = false, TimeProvider = clock });
        server.Tenant.AddUser(Organizer, "Contoso Interviews", "Europe/London");
        var client = Graph.For(server);
        var subscription = await client.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "updated",
            NotificationUrl = _receiver.NotificationUrl.ToString(),
            Resource = $"users/{Organizer}/events",
            ExpirationDateTime = clock.GetUtcNow().AddHours(1),
        });

        clock.Advance(TimeSpan.FromHours(2));
        var interview = server.Tenant.CreateEvent(Organizer, new EventDraft { Subject = "Interview", Start = Ten, End = Ten.AddHours(1) }).Event;
        server.Tenant.MoveEvent(Organizer, interview.Id, Ten.AddHours(1), Ten.AddHours(2));

        Assert.Empty(server.Tenant.Subscriptions);
        Assert.Empty(server.Tenant.NotificationDeliveries);
        var renewal = await Assert.ThrowsAsync<ODataError>(() => client.Subscriptions[subscription!.Id].PatchAsync(new Subscription { ExpirationDateTime = clock.GetUtcNow().AddDays(1) }));
        Assert.Equal(404, renewal.ResponseStatusCode);
    }

    [Fact]
    public async Task The_control_api_lists_subscriptions_and_the_delivery_log()
    {
        var interview = Interview();
        var subscription = await SubscribeAsync();
        Tenant.MoveEvent(Organizer, interview.Id, Ten.AddHours(1), Ten.AddHours(2));
        await DeliveredAsync(1);

        using var subscriptions = JsonDocument.Parse(await _control.GetStringAsync("sandbox/subscriptions"));
        using var log = JsonDocument.Parse(await _control.GetStringAsync($"sandbox/notifications?subscriptionId={subscription.Id}"));
        using var delivery = JsonDocument.Parse(await _control.GetStringAsync("sandbox/notifications/delivery"));

        Assert.Equal(subscription.Id, subscriptions.RootElement[0].GetProperty("id").GetString());
        var entry = log.RootElement.EnumerateArray().Single();
        Assert.Equal(("delivered", "updated", interview.Id), (entry.GetProperty("outcome").GetString(), entry.GetProperty("event").GetString(), entry.GetProperty("eventId").GetString()));
        Assert.Equal(ClientState, entry.GetProperty("body").GetProperty("value")[0].GetProperty("clientState").GetString());
        Assert.True(delivery.RootElement.GetProperty("enabled").GetBoolean());
    }

    private Task<IReadOnlyList<NotificationDelivery>> DeliveredAsync(int count) => Deliveries.FinishedAsync(Tenant, count, Patience);
}
