using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>Creates, moves and cancels events in the organizer mailbox; Outlook sends the invites.</summary>
public interface ICalendarBooker
{
    /// <summary>
    /// Creates a Teams meeting. A repeated call with the same <see cref="CalendarEventDraft.TransactionId"/> returns
    /// the event created the first time instead of a second one.
    /// </summary>
    Task<BookedEvent> CreateAsync(string organizerMailbox, CalendarEventDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Creates several events in one round trip (as many as fit a request), answering them in the same order. A
    /// failure may leave some created: find them by <see cref="CalendarEventDraft.Tag"/> with <see cref="FindTaggedAsync"/>.
    /// </summary>
    Task<IReadOnlyList<BookedEvent>> CreateAllAsync(string organizerMailbox, IReadOnlyList<CalendarEventDraft> drafts, CancellationToken cancellationToken);

    /// <summary>The organizer's events carrying <paramref name="tag"/> that are not cancelled, with their transactionIds.</summary>
    Task<IReadOnlyList<BookedEvent>> FindTaggedAsync(string organizerMailbox, string tag, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an event to <paramref name="time"/> and sets its attendees. Nothing else changes: replacing the body of
    /// a Teams meeting would drop its join information and the meeting with it.
    /// </summary>
    Task<BookedEvent> MoveAsync(string organizerMailbox, string eventId, TimeRange time, IReadOnlyList<EventAttendee> attendees, CancellationToken cancellationToken);

    /// <summary>Cancels an event, telling attendees why; an event already cancelled or gone is left as it is.</summary>
    Task CancelAsync(string organizerMailbox, string eventId, string comment, CancellationToken cancellationToken);

    /// <summary>
    /// The online meeting providers the mailbox's calendar allows (<c>allowedOnlineMeetingProviders</c>, such as
    /// <c>teamsForBusiness</c>); an empty list means its events cannot be Teams meetings.
    /// </summary>
    Task<IReadOnlyList<string>> OnlineMeetingProvidersAsync(string mailbox, CancellationToken cancellationToken);

    /// <summary>The event as it is now (it may have been moved or cancelled in Outlook); null when it is gone.</summary>
    Task<BookedEvent?> FindAsync(string organizerMailbox, string eventId, CancellationToken cancellationToken);
}
