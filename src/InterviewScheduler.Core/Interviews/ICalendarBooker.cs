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

/// <summary>What to put in the calendar.</summary>
/// <param name="Subject">Plain text.</param>
/// <param name="HtmlBody">HTML; every value from input in it already encoded.</param>
/// <param name="Time">When (UTC).</param>
/// <param name="Attendees">Who is invited.</param>
/// <param name="TransactionId">Deterministic per intended event, so a retried create makes no second event.</param>
public sealed record CalendarEventDraft(string Subject, string HtmlBody, TimeRange Time, IReadOnlyList<EventAttendee> Attendees, string TransactionId)
{
    /// <summary>
    /// True (the default) makes the event a Teams meeting of its own; false makes a plain invite, such as the
    /// candidate's, whose body carries the join link of the interviewers' meeting.
    /// </summary>
    public bool OnlineMeeting { get; init; } = true;

    /// <summary>
    /// Kept with the event (an extended property) so that the events of one booking plan can be found again after a
    /// crash or a lost answer; null for none.
    /// </summary>
    public string? Tag { get; init; }
}

/// <summary>An invited person.</summary>
public sealed record EventAttendee(string Email, string? Name = null, bool Optional = false);

/// <summary>An event as the calendar holds it.</summary>
/// <param name="EventId">The organizer's event id.</param>
/// <param name="Time">When it is now (UTC).</param>
/// <param name="JoinUrl">The Teams join link.</param>
/// <param name="IsCancelled">Cancelled by the organizer.</param>
/// <param name="Responses">Each attendee's response: accepted, declined, tentativelyAccepted, notResponded, ...</param>
public sealed record BookedEvent(string EventId, TimeRange Time, string? JoinUrl, bool IsCancelled, IReadOnlyList<AttendeeResponse> Responses)
{
    /// <summary>The transactionId it was created with, when read back (Graph returns it only to the app that set it).</summary>
    public string? TransactionId { get; init; }
}

/// <summary>An attendee and their response to the invitation.</summary>
public sealed record AttendeeResponse(string Email, string Response);
