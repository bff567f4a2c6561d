using System.Globalization;
using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Subscriptions;
using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    // Guards subscriptions, the delivery log and the on/off switch. Taken inside _gate when a calendar change
    // fans out to subscribers; never the other way round.
    private readonly Lock _subscriptionGate = new();
    private readonly Dictionary<string, SandboxSubscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<NotificationDelivery> _deliveries = [];
    private readonly Dictionary<string, EndpointThrottle> _endpoints = new(StringComparer.Ordinal);
    private NotificationThrottling _throttling = NotificationThrottling.Documented;
    private NotificationSender? _sender;
    private bool _notificationsEnabled = true;
    private bool _stopped;
    private int _nextDeliveryId;

    /// <summary>
    /// False stops change notifications: changes are logged as <see cref="NotificationOutcome.Suppressed"/> and
    /// never sent, as when Graph loses them, so the timer-driven reconciliation has to find them. True by default.
    /// </summary>
    public bool NotificationsEnabled
    {
        get
        {
            lock (_subscriptionGate)
            {
                return _notificationsEnabled;
            }
        }
        set
        {
            lock (_subscriptionGate)
            {
                _notificationsEnabled = value;
            }
        }
    }

    /// <summary>
    /// How Graph throttles a notification endpoint that answers slowly or not at all (change and lifecycle URLs alike,
    /// each URL on its own): <see cref="NotificationThrottling.Documented"/> by default. A new value applies to the
    /// responses and notifications that follow; what endpoints have earned so far stays.
    /// </summary>
    /// <exception cref="ArgumentException">The settings cannot work (<see cref="NotificationThrottling.Problem"/>).</exception>
    public NotificationThrottling NotificationThrottling
    {
        get
        {
            lock (_subscriptionGate)
            {
                return _throttling;
            }
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Problem() is { } problem) throw new ArgumentException(problem, nameof(value));
            lock (_subscriptionGate)
            {
                _throttling = value;
            }
        }
    }

    /// <summary>Where the endpoint at <paramref name="url"/> stands with Graph's throttling now (Normal when it never answered).</summary>
    public EndpointThrottleState ThrottleStateOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (_subscriptionGate)
        {
            return _endpoints.TryGetValue(url.AbsoluteUri, out var endpoint) ? endpoint.StateAt(TimeProvider.GetUtcNow(), _throttling) : EndpointThrottleState.Normal;
        }
    }

    /// <summary>The live subscriptions (expired ones are forgotten), oldest first.</summary>
    public IReadOnlyList<SandboxSubscription> Subscriptions
    {
        get
        {
            lock (_subscriptionGate)
            {
                PruneExpiredLocked();
                return [.. _subscriptions.Values.OrderBy(s => s.Created).ThenBy(s => s.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Every notification sent, failed, pending or suppressed, oldest first.</summary>
    public IReadOnlyList<NotificationDelivery> NotificationDeliveries
    {
        get
        {
            lock (_subscriptionGate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Forgets the delivery log (pending deliveries are still sent, but no longer logged).</summary>
    public void ClearNotificationDeliveries()
    {
        lock (_subscriptionGate)
        {
            _deliveries.Clear();
        }
    }

    /// <summary>The live subscription with this id, or null.</summary>
    public SandboxSubscription? FindSubscription(string subscriptionId)
    {
        lock (_subscriptionGate)
        {
            PruneExpiredLocked();
            return _subscriptions.GetValueOrDefault(subscriptionId);
        }
    }

    /// <summary>
    /// Creates a subscription as Graph does: checks the request, then (outside every lock) POSTs a validation
    /// token to the notification URL and to the lifecycle URL when given, each of which must echo it within 10 s.
    /// </summary>
    public async Task<SubscriptionCreation> CreateSubscriptionAsync(SubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changeTypes = (request.ChangeType ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (changeTypes.Length == 0) return SubscriptionCreation.Refused("InvalidRequest", "'changeType' is required: created, updated and/or deleted.");
        if (changeTypes.FirstOrDefault(c => !SubscriptionRules.ChangeTypes.Contains(c)) is { } unknown)
        {
            return SubscriptionCreation.Refused("InvalidRequest", $"'{unknown}' is not a supported changeType; use created, updated and/or deleted.");
        }

        if (!TryAbsolute(request.NotificationUrl, out var notificationUrl)) return SubscriptionCreation.Refused("InvalidRequest", "'notificationUrl' must be an absolute http(s) URL.");
        Uri? lifecycleUrl = null;
        if (request.LifecycleNotificationUrl is not null && !TryAbsolute(request.LifecycleNotificationUrl, out lifecycleUrl))
        {
            return SubscriptionCreation.Refused("InvalidRequest", "'lifecycleNotificationUrl' must be an absolute http(s) URL.");
        }

        if (request.ClientState is { Length: > 128 }) return SubscriptionCreation.Refused("InvalidRequest", "'clientState' must be at most 128 characters.");
        if (SubscriptionRules.ExpirationProblem(request.ExpirationDateTime, TimeProvider.GetUtcNow()) is { } expirationProblem)
        {
            return SubscriptionCreation.Refused("InvalidRequest", expirationProblem);
        }

        var mailbox = SubscriptionRules.MailboxOf(request.Resource);
        if (mailbox is null) return SubscriptionCreation.Refused("InvalidRequest", $"Resource '{request.Resource}' is not supported; use 'users/{{id}}/events'.");
        if (FindUser(mailbox) is not { } user) return SubscriptionCreation.Refused("ErrorInvalidUser", $"The requested user '{mailbox}' is invalid.");

        var sender = Sender();
        foreach (var url in lifecycleUrl is null ? [notificationUrl] : new[] { notificationUrl, lifecycleUrl })
        {
            var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
            if (await sender.ValidateAsync(url, token, cancellationToken) is { } problem)
            {
                return SubscriptionCreation.Refused("ValidationError", "Subscription validation request failed. " + problem);
            }
        }

        lock (_gate)
        {
            var created = new SandboxSubscription
            {
                Id = NewGuidLocked().ToString(),
                Resource = request.Resource!.Trim(),
                Mailbox = user.Address,
                UserId = user.Id,
                ChangeTypes = [.. SubscriptionRules.ChangeTypes.Where(changeTypes.Contains)],
                NotificationUrl = notificationUrl,
                LifecycleNotificationUrl = lifecycleUrl,
                ExpirationDateTime = request.ExpirationDateTime!.Value.ToUniversalTime(),
                ClientState = request.ClientState,
                Created = TimeProvider.GetUtcNow(),
            };
            lock (_subscriptionGate)
            {
                _subscriptions[created.Id] = created;
            }

            return new SubscriptionCreation(created, null, null);
        }
    }

    /// <summary>Moves a live subscription's expiration; null when there is none with that id (it may have expired).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The expiration is not in the future or more than 7 days ahead.</exception>
    public SandboxSubscription? RenewSubscription(string subscriptionId, DateTimeOffset expirationDateTime)
    {
        if (SubscriptionRules.ExpirationProblem(expirationDateTime, TimeProvider.GetUtcNow()) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(expirationDateTime), problem);
        }

        lock (_subscriptionGate)
        {
            PruneExpiredLocked();
            if (!_subscriptions.TryGetValue(subscriptionId, out var current)) return null;
            var renewed = current with { ExpirationDateTime = expirationDateTime.ToUniversalTime() };
            _subscriptions[subscriptionId] = renewed;
            return renewed;
        }
    }

    /// <summary>Deletes a subscription; false when there is none with that id.</summary>
    public bool DeleteSubscription(string subscriptionId)
    {
        lock (_subscriptionGate)
        {
            PruneExpiredLocked();
            return _subscriptions.Remove(subscriptionId);
        }
    }

    /// <summary>
    /// Sends a lifecycle notification to the subscription's lifecycle URL, whether or not notifications are enabled:
    /// <c>reauthorizationRequired</c>, <c>missed</c>, or <c>subscriptionRemoved</c> (which also deletes the subscription).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="lifecycleEvent"/> is not one of those three.</exception>
    public LifecycleOutcome SendLifecycleNotification(string subscriptionId, string lifecycleEvent)
    {
        var known = SubscriptionRules.LifecycleEvents.FirstOrDefault(e => e.Equals(lifecycleEvent, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{lifecycleEvent}' is not a lifecycle event; use {string.Join(", ", SubscriptionRules.LifecycleEvents)}.", nameof(lifecycleEvent));
        lock (_subscriptionGate)
        {
            PruneExpiredLocked();
            if (!_subscriptions.TryGetValue(subscriptionId, out var subscription)) return LifecycleOutcome.UnknownSubscription;
            if (subscription.LifecycleNotificationUrl is not { } url) return LifecycleOutcome.NoLifecycleUrl;
            if (known == "subscriptionRemoved") _subscriptions.Remove(subscriptionId);

            var item = new JsonObject
            {
                ["subscriptionId"] = subscription.Id,
                ["subscriptionExpirationDateTime"] = Offset(subscription.ExpirationDateTime),
                ["tenantId"] = TenantId.ToString(),
                ["clientState"] = subscription.ClientState,
                ["lifecycleEvent"] = known,
            };
            QueueLocked(subscription, NotificationKind.Lifecycle, known, eventId: null, url, item, send: true);
            return LifecycleOutcome.Queued;
        }
    }

    /// <summary>
    /// Sends a logged notification again, <paramref name="times"/> more times, with the same body, as Graph does
    /// when it is not sure a delivery arrived; sent even while notifications are disabled.
    /// </summary>
    /// <returns>The new log entries, or null when the log has no notification with that id.</returns>
    public IReadOnlyList<NotificationDelivery>? RedeliverNotification(string deliveryId, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(times, 100);
        lock (_subscriptionGate)
        {
            var original = _deliveries.FirstOrDefault(d => d.Id == deliveryId);
            if (original is null) return null;
            var repeats = new List<NotificationDelivery>();
            for (var i = 0; i < times; i++)
            {
                repeats.Add(SendAgainLocked(original, original.Attempt));
            }

            return repeats;
        }
    }

    /// <summary>Stops the background sender; queued notifications stay Pending. Called when the server stops.</summary>
    internal async ValueTask StopNotificationsAsync()
    {
        NotificationSender? sender;
        lock (_subscriptionGate)
        {
            sender = _sender;
            _stopped = true;
        }

        if (sender is not null) await sender.DisposeAsync();
    }

    /// <summary>
    /// Every store into or removal from a calendar ends here (under <see cref="_gate"/>): the event gets the next
    /// change sequence number, and each live subscription on that mailbox watching that kind of change gets a notification.
    /// </summary>
    private void OnCalendarChangedLocked(string mailbox, SandboxEvent? before, SandboxEvent? after)
    {
        var item = after ?? before;
        if (item is null) return;
        RecordChangeSequenceLocked(item.Id);
        var changeType = before is null ? "created" : after is null ? "deleted" : "updated";
        if (FindUserLocked(mailbox) is not { } user) return;

        lock (_subscriptionGate)
        {
            PruneExpiredLocked();
            foreach (var subscription in _subscriptions.Values.Where(s => s.UserId == user.Id && s.ChangeTypes.Contains(changeType)).ToList())
            {
                QueueLocked(subscription, NotificationKind.Change, changeType, item.Id, subscription.NotificationUrl, ChangeItem(subscription, user, item.Id, after, changeType), _notificationsEnabled);
            }
        }
    }

    private JsonObject ChangeItem(SandboxSubscription subscription, SandboxUser user, string eventId, SandboxEvent? after, string changeType)
    {
        // Graph names the resource by the user's GUID, whatever the subscriber wrote.
        var resource = $"Users/{user.Id}/Events/{eventId}";
        var resourceData = new JsonObject
        {
            ["@odata.type"] = "#Microsoft.Graph.Event",
            ["@odata.id"] = resource,
        };
        if (after is not null) resourceData["@odata.etag"] = $"W/\"{after.ChangeKey}\"";
        resourceData["id"] = eventId;
        return new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Offset(subscription.ExpirationDateTime),
            ["changeType"] = changeType,
            ["resource"] = resource,
            ["resourceData"] = resourceData,
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = TenantId.ToString(),
        };
    }

    private void QueueLocked(SandboxSubscription subscription, NotificationKind kind, string what, string? eventId, Uri url, JsonObject item, bool send)
    {
        var delivery = new NotificationDelivery
        {
            Id = NextDeliveryIdLocked(),
            Queued = TimeProvider.GetUtcNow(),
            SubscriptionId = subscription.Id,
            Kind = kind,
            Event = what,
            EventId = eventId,
            Url = url,
            Body = new JsonObject { ["value"] = new JsonArray(item) }.ToJsonString(),
            Outcome = send ? NotificationOutcome.Pending : NotificationOutcome.Suppressed,
        };
        _deliveries.Add(delivery);
        if (send) DispatchLocked(delivery);
    }

    /// <summary>
    /// Every notification the tenant sends, change or lifecycle, first or repeated, goes out through here: at once, after
    /// the slow delay, or not at all, as its endpoint stands with Graph's throttling.
    /// </summary>
    private void DispatchLocked(NotificationDelivery delivery)
    {
        var wait = _throttling.Enabled ? EndpointLocked(delivery.Url).Admit(TimeProvider.GetUtcNow(), _throttling) : TimeSpan.Zero;
        if (wait is not { } delay)
        {
            // Dropped notifications can't be recovered: logged, never sent nor retried.
            FinishedLocked(delivery with { Outcome = NotificationOutcome.Dropped, Error = "Dropped: the endpoint is in Graph's drop state (too many slow or failed responses)." });
        }
        else if (delay > TimeSpan.Zero)
        {
            var held = delivery with { SendAfter = TimeProvider.GetUtcNow() + delay };
            LogLocked(held);
            _ = LaterLockedAsync(delay, () => SendLocked(held));
        }
        else
        {
            SendLocked(delivery);
        }
    }

    private void SendLocked(NotificationDelivery delivery)
    {
        if (!TryQueueLocked(delivery)) FinishedLocked(delivery with { Outcome = NotificationOutcome.Failed, Error = "The sandbox is stopping." });
    }

    private EndpointThrottle EndpointLocked(Uri url)
    {
        if (!_endpoints.TryGetValue(url.AbsoluteUri, out var endpoint))
        {
            endpoint = new EndpointThrottle();
            _endpoints[url.AbsoluteUri] = endpoint;
        }

        return endpoint;
    }

    /// <summary>Runs <paramref name="action"/> under the subscription lock after <paramref name="delay"/> on the tenant's clock, unless the sandbox stopped.</summary>
    private async Task LaterLockedAsync(TimeSpan delay, Action action)
    {
        await Task.Delay(delay, TimeProvider);
        lock (_subscriptionGate)
        {
            if (!_stopped) action();
        }
    }

    private NotificationSender Sender()
    {
        lock (_subscriptionGate)
        {
            if (_stopped) throw new InvalidOperationException("The sandbox has stopped sending notifications.");
            return _sender ??= new NotificationSender(Finished);
        }
    }

    /// <summary>Hands a delivery to the background sender (started on first use); false once the sandbox is stopping.</summary>
    private bool TryQueueLocked(NotificationDelivery delivery) =>
        !_stopped && (_sender ??= new NotificationSender(Finished)).TryQueue(delivery);

    /// <summary>The sender's report of one attempt: it counts for the endpoint's throttling, then may be retried.</summary>
    private void Finished(NotificationDelivery delivery)
    {
        lock (_subscriptionGate)
        {
            // The answer time is the real one the sender measured (the network is real); windows and delays use the tenant's clock.
            var slow = delivery.Outcome != NotificationOutcome.Delivered || delivery.Duration > _throttling.SlowResponse;
            EndpointLocked(delivery.Url).Record(slow, TimeProvider.GetUtcNow(), _throttling);
            FinishedLocked(delivery);
        }
    }

    /// <summary>
    /// How many times a change or lifecycle notification the endpoint failed (no 2xx within 3 s) is sent again, with
    /// a doubling delay from <see cref="NotificationRetryDelay"/>: Graph delivers at least once and retries failures
    /// (concepts/change-notifications-delivery-webhooks.md), over hours; the sandbox compresses that into seconds.
    /// </summary>
    public int NotificationRetries { get; set; } = 3;

    /// <summary>The wait before the first redelivery of a failed notification (then doubling).</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    private void FinishedLocked(NotificationDelivery delivery)
    {
        LogLocked(delivery);
        if (delivery.Outcome == NotificationOutcome.Failed && !_stopped && delivery.Attempt <= NotificationRetries)
        {
            _ = LaterLockedAsync(NotificationRetryDelay * Math.Pow(2, delivery.Attempt - 1), () => SendAgainLocked(delivery, delivery.Attempt + 1));
        }
    }

    /// <summary>Replaces a log entry with its newer copy (gone when the log was cleared meanwhile).</summary>
    private void LogLocked(NotificationDelivery delivery)
    {
        var index = _deliveries.FindIndex(d => d.Id == delivery.Id);
        if (index >= 0) _deliveries[index] = delivery;
    }

    /// <summary>Logs and dispatches a new copy of a logged notification, same body, as a repeat of the original.</summary>
    private NotificationDelivery SendAgainLocked(NotificationDelivery original, int attempt)
    {
        var again = original with
        {
            Id = NextDeliveryIdLocked(),
            Queued = TimeProvider.GetUtcNow(),
            RepeatOf = original.RepeatOf ?? original.Id,
            Attempt = attempt,
            Outcome = NotificationOutcome.Pending,
            SendAfter = null,
            Status = null,
            Error = null,
            Duration = null,
        };
        _deliveries.Add(again);
        DispatchLocked(again);
        return _deliveries.Find(d => d.Id == again.Id) ?? again; // as dispatched: pending, held or dropped
    }

    private void PruneExpiredLocked()
    {
        var now = TimeProvider.GetUtcNow();
        foreach (var expired in _subscriptions.Values.Where(s => s.ExpirationDateTime <= now).Select(s => s.Id).ToList())
        {
            _subscriptions.Remove(expired);
        }
    }

    private string NextDeliveryIdLocked() => "notification-" + (++_nextDeliveryId).ToString(CultureInfo.InvariantCulture);

    private Guid NewGuidLocked()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static bool TryAbsolute(string? text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")) return false;
        url = parsed;
        return true;
    }

    // Graph writes the expiration in notifications with an explicit offset: 2026-03-05T10:00:00.0000000+00:00.
    private static string Offset(DateTimeOffset instant) => instant.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
}
