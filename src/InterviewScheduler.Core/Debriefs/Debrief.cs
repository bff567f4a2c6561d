using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// The one debrief of an application: a Teams meeting for the whole interviewing team (and the recruiter, never
/// the candidate) right after the candidate's last interview. Stored in the application's partition.
/// </summary>
/// <param name="ApplicationId">The application it belongs to.</param>
/// <param name="EventId">The organizer's Graph event id.</param>
/// <param name="JoinUrl">The Teams join link.</param>
/// <param name="Time">When (UTC).</param>
/// <param name="AfterInterviewsEnd">The end of the last interview it was placed after (UTC): when that is unchanged, so is the debrief.</param>
/// <param name="Team">Everyone invited.</param>
/// <param name="Conflicts">Members who are not free then (it was booked anyway, as none of the next hours suited everyone).</param>
/// <param name="Status">Scheduled, cancelled (with the interviews), or removed (by a person, and left so).</param>
/// <param name="Generation">How many events this debrief has had; a new event after a cancellation gets a new transactionId.</param>
/// <param name="Version">Opaque concurrency token (the storage ETag); null for a value not yet stored.</param>
public sealed record Debrief(
    string ApplicationId,
    string EventId,
    string? JoinUrl,
    TimeRange Time,
    DateTimeOffset AfterInterviewsEnd,
    IReadOnlyList<string> Team,
    IReadOnlyList<string> Conflicts,
    DebriefStatus Status,
    int Generation,
    string? Version = null)
{
    /// <summary>
    /// When the calendar update for this state began, while it is not yet confirmed; null once the calendar
    /// matches. Stored before the calendar is touched, so that of two workers only one updates it, and a worker
    /// that stopped half-way is finished by the next one.
    /// </summary>
    public DateTimeOffset? PendingSince { get; init; }
}
