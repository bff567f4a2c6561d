using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

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
