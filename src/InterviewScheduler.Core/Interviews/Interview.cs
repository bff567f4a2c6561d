using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// One booked interview session: a Teams meeting in the organizer's calendar with the interviewers (and its guide),
/// and the candidate's own invite at the same time with the same join link and a candidate-facing body.
/// Stored in the application's partition.
/// </summary>
/// <param name="InterviewId">Service-assigned id (32 hex digits).</param>
/// <param name="ApplicationId">The application it belongs to.</param>
/// <param name="BookingId">The booking that created it; a repeated request with the same Idempotency-Key finds it by this.</param>
/// <param name="SessionIndex">Its place in the loop, from 0.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Time">When (UTC).</param>
/// <param name="Attendees">The interviewers invited (the candidate has an invite of their own: <see cref="CandidateEventId"/>).</param>
/// <param name="EventId">The organizer's Graph event id.</param>
/// <param name="JoinUrl">The Teams join link.</param>
/// <param name="Status">Scheduled or cancelled.</param>
public sealed record Interview(
    string InterviewId,
    string ApplicationId,
    string BookingId,
    int SessionIndex,
    string Title,
    TimeRange Time,
    IReadOnlyList<EventAttendee> Attendees,
    string EventId,
    string? JoinUrl,
    InterviewStatus Status)
{
    /// <summary>The invitees' answers as last read from the calendar (accepted, declined, ...); empty until read.</summary>
    public IReadOnlyList<AttendeeResponse> Responses { get; init; } = [];

    /// <summary>The organizer's Graph event id of the candidate's own invite; null for interviews booked before it existed.</summary>
    public string? CandidateEventId { get; init; }
}
