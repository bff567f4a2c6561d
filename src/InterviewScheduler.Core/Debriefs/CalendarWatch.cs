using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// Watches the organizer's calendar: keeps a change-notification subscription alive, and reconciles through a
/// calendarView delta as the fallback for whatever notifications missed.
/// </summary>
public sealed class CalendarWatch(
    ICalendarSubscriptions subscriptions,
    ICalendarChangeFeed changes,
    ICalendarWatchState state,
    IEventIndex index,
    InterviewSync sync,
    SchedulingOptions scheduling,
    NotificationOptions notifications,
    TimeProvider time)
{
    /// <summary>How long a subscription is asked for: Outlook resources allow under 7 days.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromDays(3);

    /// <summary>A subscription expiring sooner than this is renewed.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(1);

    /// <summary>How far back and ahead reconciliation looks at the calendar.</summary>
    public static readonly TimeSpan ReconcileBehind = TimeSpan.FromDays(1);
    public static readonly TimeSpan ReconcileAhead = TimeSpan.FromDays(62);

    /// <summary>
    /// Creates the subscription, or renews it when it expires within <see cref="RenewBefore"/>; <paramref name="force"/>
    /// renews regardless. A subscription made with another clientState (the secret changed) is replaced: Graph would
    /// keep sending the old secret, and every notification would be ignored.
    /// </summary>
    /// <returns>The live subscription, or null when no public notification URL is configured.</returns>
    public async Task<CalendarSubscription?> EnsureSubscriptionAsync(bool force, CancellationToken cancellationToken)
    {
        if (notifications.PublicUri is null) return null;
        var mailbox = scheduling.OrganizerMailbox;
        var now = time.GetUtcNow();
        var current = await state.FindSubscriptionAsync(mailbox, cancellationToken);
        if (current is not null && current.ClientStateFingerprint != Fingerprint(notifications.ClientState))
        {
            return await ReplaceSubscriptionAsync(current.Id, cancellationToken);
        }

        if (current is not null && !force && current.ExpiresAt - now > RenewBefore) return current;

        var renewed = current is null ? null : await subscriptions.RenewAsync(current.Id, now + SubscriptionLifetime, cancellationToken);
        if (renewed is null) return await ReplaceSubscriptionAsync(current?.Id, cancellationToken);
        renewed = renewed with { ClientStateFingerprint = current!.ClientStateFingerprint };
        await state.SaveSubscriptionAsync(mailbox, renewed, cancellationToken);
        return renewed;
    }

    /// <summary>
    /// Replaces the subscription <paramref name="replacedId"/> (removed by Graph, expired, or made with an old secret)
    /// with a new one, once however often it is asked: when the recorded subscription is no longer
    /// <paramref name="replacedId"/>, someone replaced it already; when two instances race, the loser deletes its own.
    /// </summary>
    public async Task<CalendarSubscription?> ReplaceSubscriptionAsync(string? replacedId, CancellationToken cancellationToken)
    {
        if (notifications.PublicUri is not { } publicUri) return null;
        var mailbox = scheduling.OrganizerMailbox;
        var current = await state.FindSubscriptionAsync(mailbox, cancellationToken);
        if (current?.Id != replacedId) return current;

        var created = await subscriptions.CreateAsync(mailbox, publicUri, notifications.LifecycleUrl, notifications.ClientState, time.GetUtcNow() + SubscriptionLifetime, cancellationToken)
            with { ClientStateFingerprint = Fingerprint(notifications.ClientState) };
        if (!await state.TryReplaceSubscriptionAsync(mailbox, replacedId, created, cancellationToken))
        {
            await subscriptions.DeleteAsync(created.Id, cancellationToken);
            return await state.FindSubscriptionAsync(mailbox, cancellationToken);
        }

        // The old one, if Graph still has it, would keep notifying with the old secret: gone.
        if (replacedId is not null) await subscriptions.DeleteAsync(replacedId, cancellationToken);
        return created;
    }

    /// <summary>A fingerprint of the clientState to store beside the subscription; the secret itself is never stored.</summary>
    public static string Fingerprint(string clientState) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("clientState|" + clientState)))[..16];

    /// <summary>
    /// A delta round's window is fixed when the round starts; after this long reconciliation starts a fresh round
    /// (every event in the new window counts as changed) so the window follows the calendar forward.
    /// </summary>
    public static readonly TimeSpan FreshRoundEvery = TimeSpan.FromDays(1);

    /// <summary>
    /// Refreshes every application whose events changed since the last reconciliation. One application's failure
    /// does not stop the others: it is reported (with an event id to retry on its own) and the position is saved
    /// whatever happened, so the next run does not read the same changes again.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        var mailbox = scheduling.OrganizerMailbox;
        var now = time.GetUtcNow();
        var position = await state.FindDeltaPositionAsync(mailbox, cancellationToken);
        var fresh = position is null || now - position.RoundStartedAt >= FreshRoundEvery;
        var delta = await changes.ReadChangesAsync(mailbox, new TimeRange(now - ReconcileBehind, now + ReconcileAhead), fresh ? null : position!.Token, cancellationToken);

        var applications = new Dictionary<string, string>(StringComparer.Ordinal); // application → one changed event
        foreach (var eventId in delta.ChangedEventIds.Concat(delta.RemovedEventIds))
        {
            if (await index.FindApplicationAsync(eventId, cancellationToken) is { } applicationId) applications.TryAdd(applicationId, eventId);
        }

        var failed = new List<string>();
        foreach (var (applicationId, eventId) in applications)
        {
            try
            {
                await sync.RefreshAsync(applicationId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed.Add(eventId);
            }
        }

        await state.SaveDeltaPositionAsync(mailbox, new DeltaPosition(delta.DeltaToken, fresh ? now : position!.RoundStartedAt), cancellationToken);
        return new ReconcileReport(applications.Count - failed.Count, failed);
    }
}
