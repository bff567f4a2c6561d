namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// One notification the tenant sent (or would have sent) to a subscriber, for the delivery log. Immutable; the
/// log stores a new copy when the outcome is known.
/// </summary>
public sealed record NotificationDelivery
{
    /// <summary>Log id, <c>notification-1</c>, <c>notification-2</c>, …; redeliveries get their own.</summary>
    public required string Id { get; init; }

    /// <summary>When the change (or the request for it) happened, from the tenant's clock.</summary>
    public required DateTimeOffset Queued { get; init; }

    public required string SubscriptionId { get; init; }

    public required NotificationKind Kind { get; init; }

    /// <summary>The change type (<c>created</c>, <c>updated</c>, <c>deleted</c>) or the lifecycle event.</summary>
    public required string Event { get; init; }

    /// <summary>The changed event's id for a change notification; null for a lifecycle notification.</summary>
    public string? EventId { get; init; }

    /// <summary>Where it is POSTed.</summary>
    public required Uri Url { get; init; }

    /// <summary>The JSON body exactly as sent: <c>{"value":[…]}</c>.</summary>
    public required string Body { get; init; }

    /// <summary>The log id of the notification this one repeats, or null for an original.</summary>
    public string? RepeatOf { get; init; }

    /// <summary>1 for the first delivery of a notification; higher for the sandbox's own redeliveries after a failure.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>
    /// When a notification held for a slow endpoint is due to go out, from the tenant's clock
    /// (<see cref="NotificationThrottling.SlowDelay"/> after it was queued); null when it was sent at once.
    /// </summary>
    public DateTimeOffset? SendAfter { get; init; }

    public NotificationOutcome Outcome { get; init; } = NotificationOutcome.Pending;

    /// <summary>The receiver's HTTP status, when it answered.</summary>
    public int? Status { get; init; }

    /// <summary>Why the delivery failed (timeout, connection refused, non-2xx), or null.</summary>
    public string? Error { get; init; }

    /// <summary>How long the receiver took to answer, once known.</summary>
    public TimeSpan? Duration { get; init; }
}

/// <summary>Which endpoint a notification goes to.</summary>
public enum NotificationKind
{
    /// <summary>A change to an event, to the notification URL.</summary>
    Change,

    /// <summary>A lifecycle event, to the lifecycle notification URL.</summary>
    Lifecycle,
}

/// <summary>Where a notification's delivery stands.</summary>
public enum NotificationOutcome
{
    /// <summary>Queued (or held until <see cref="NotificationDelivery.SendAfter"/>); the background sender has not finished with it.</summary>
    Pending,

    /// <summary>The receiver answered 2xx within <see cref="SubscriptionRules.DeliveryTimeout"/>.</summary>
    Delivered,

    /// <summary>No 2xx in time; sent again, as a new entry, up to <see cref="SandboxTenant.NotificationRetries"/> times.</summary>
    Failed,

    /// <summary>Not sent because <see cref="SandboxTenant.NotificationsEnabled"/> was false.</summary>
    Suppressed,

    /// <summary>Not sent, and never will be, because its endpoint was in Graph's drop state (<see cref="EndpointThrottleState.Drop"/>).</summary>
    Dropped,
}
