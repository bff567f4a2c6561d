using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

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
