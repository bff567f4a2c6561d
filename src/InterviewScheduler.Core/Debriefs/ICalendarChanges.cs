using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>Graph change-notification subscriptions on the organizer's events.</summary>
public interface ICalendarSubscriptions
{
    /// <summary>
    /// Subscribes to created, updated and deleted events in <paramref name="organizerMailbox"/>. Graph first calls
    /// <paramref name="notificationUrl"/> with a validation token that the endpoint must echo.
    /// </summary>
    Task<CalendarSubscription> CreateAsync(string organizerMailbox, Uri notificationUrl, Uri lifecycleNotificationUrl, string clientState, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Extends a subscription; null when Graph no longer has it (create a new one).</summary>
    Task<CalendarSubscription?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes a subscription; one Graph no longer has is already deleted.</summary>
    Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken);
}

/// <summary>A change-notification subscription as Graph holds it.</summary>
/// <param name="Id">Graph's subscription id.</param>
/// <param name="Resource">What it watches, e.g. <c>users/interviews@contoso.com/events</c>.</param>
/// <param name="ExpiresAt">When Graph drops it unless renewed (UTC); under 7 days for Outlook events.</param>
public sealed record CalendarSubscription(string Id, string Resource, DateTimeOffset ExpiresAt)
{
    /// <summary>A fingerprint (not the secret) of the clientState it was made with; a changed secret needs a new subscription.</summary>
    public string? ClientStateFingerprint { get; init; }
}

/// <summary>What changed in the organizer's calendar since the last look (Graph's calendarView delta).</summary>
public interface ICalendarChangeFeed
{
    /// <summary>
    /// The events in <paramref name="window"/> changed or removed since <paramref name="deltaToken"/> (all of them when
    /// null), and the token for next time.
    /// </summary>
    Task<CalendarDelta> ReadChangesAsync(string organizerMailbox, TimeRange window, string? deltaToken, CancellationToken cancellationToken);
}

/// <summary>One round of calendar changes.</summary>
/// <param name="ChangedEventIds">Events created or updated (moves, cancellations by the organizer, responses).</param>
/// <param name="RemovedEventIds">Events deleted or gone out of the window.</param>
/// <param name="DeltaToken">Where to continue from next time.</param>
public sealed record CalendarDelta(IReadOnlyList<string> ChangedEventIds, IReadOnlyList<string> RemovedEventIds, string DeltaToken);
