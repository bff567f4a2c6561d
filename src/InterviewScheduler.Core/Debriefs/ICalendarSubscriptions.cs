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
