namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// A change-notification subscription on one mailbox's events, as Graph holds it. Immutable; a renewal stores a
/// copy with a later <see cref="ExpirationDateTime"/>. Once that instant passes the tenant forgets it, as Graph does.
/// </summary>
public sealed record SandboxSubscription
{
    /// <summary>Graph's subscription id (a GUID string).</summary>
    public required string Id { get; init; }

    /// <summary>The resource as the subscriber wrote it, for example <c>users/interviews@contoso.com/events</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>Address of the watched mailbox.</summary>
    public required string Mailbox { get; init; }

    /// <summary>Directory id of the watched mailbox; notifications name it in their <c>resource</c>.</summary>
    public required Guid UserId { get; init; }

    /// <summary>The watched kinds of change, each <c>created</c>, <c>updated</c> or <c>deleted</c>.</summary>
    public required IReadOnlyList<string> ChangeTypes { get; init; }

    /// <summary>Where change notifications are POSTed.</summary>
    public required Uri NotificationUrl { get; init; }

    /// <summary>Where lifecycle notifications (reauthorizationRequired, subscriptionRemoved, missed) go, or null.</summary>
    public Uri? LifecycleNotificationUrl { get; init; }

    /// <summary>When the subscription lapses unless renewed (UTC instant, exclusive).</summary>
    public required DateTimeOffset ExpirationDateTime { get; init; }

    /// <summary>The subscriber's secret, sent back in every notification so it can tell them from forgeries; or null.</summary>
    public string? ClientState { get; init; }

    /// <summary>When it was created, from the tenant's clock.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The change types as Graph writes them: comma-separated, for example <c>created,updated,deleted</c>.</summary>
    public string ChangeType => string.Join(',', ChangeTypes);
}

/// <summary>What a subscriber asks for in <c>POST /subscriptions</c>; the tenant validates it as Graph does.</summary>
/// <param name="ChangeType">Comma-separated <c>created</c>, <c>updated</c>, <c>deleted</c>.</param>
/// <param name="NotificationUrl">Absolute URL that must echo the validation token.</param>
/// <param name="LifecycleNotificationUrl">Absolute URL for lifecycle notifications (also validated), or null.</param>
/// <param name="Resource"><c>users/{id}/events</c>, <c>/users/{id}/events</c> or <c>users('{id}')/events</c>; id is an address or GUID.</param>
/// <param name="ExpirationDateTime">In the future and at most <see cref="SubscriptionRules.MaximumLifetime"/> ahead.</param>
/// <param name="ClientState">Up to 128 characters, or null.</param>
public sealed record SubscriptionRequest(
    string? ChangeType,
    string? NotificationUrl,
    string? LifecycleNotificationUrl,
    string? Resource,
    DateTimeOffset? ExpirationDateTime,
    string? ClientState);

/// <summary>
/// The answer to a subscription request: the subscription, or Graph's error code and message
/// (<c>ErrorInvalidUser</c> for an unknown mailbox is a 404; every other refusal is a 400).
/// </summary>
public sealed record SubscriptionCreation(SandboxSubscription? Subscription, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Subscription is not null;

    internal static SubscriptionCreation Refused(string code, string message) => new(null, code, message);
}

/// <summary>What happened to a request for a lifecycle notification.</summary>
public enum LifecycleOutcome
{
    /// <summary>Queued for delivery to the lifecycle notification URL.</summary>
    Queued,

    /// <summary>No such subscription (or it expired).</summary>
    UnknownSubscription,

    /// <summary>The subscription has no lifecycle notification URL, so Graph would send nothing.</summary>
    NoLifecycleUrl,
}
