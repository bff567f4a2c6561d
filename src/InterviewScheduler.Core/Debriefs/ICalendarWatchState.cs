namespace InterviewScheduler.Core.Debriefs;

/// <summary>What the service remembers about watching a mailbox's calendar: its subscription and its delta position.</summary>
public interface ICalendarWatchState
{
    Task<CalendarSubscription?> FindSubscriptionAsync(string mailbox, CancellationToken cancellationToken);

    Task SaveSubscriptionAsync(string mailbox, CalendarSubscription subscription, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="subscription"/> as the mailbox's only if the one recorded now has id
    /// <paramref name="expectedId"/> (null: none): false when another instance replaced it first.
    /// </summary>
    Task<bool> TryReplaceSubscriptionAsync(string mailbox, string? expectedId, CalendarSubscription subscription, CancellationToken cancellationToken);

    Task<DeltaPosition?> FindDeltaPositionAsync(string mailbox, CancellationToken cancellationToken);

    Task SaveDeltaPositionAsync(string mailbox, DeltaPosition position, CancellationToken cancellationToken);
}
