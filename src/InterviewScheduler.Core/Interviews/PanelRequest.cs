using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// A validated request for panel or loop options, or a booking: the sessions in order (one is a panel), the
/// UTC search window, when the candidate can attend, and for a booking the chosen start.
/// </summary>
public sealed record PanelRequest(
    IReadOnlyList<SessionRequest> Sessions,
    TimeRange Window,
    IReadOnlyList<TimeRange> CandidateAvailability,
    int MaxOptions,
    DateTimeOffset? Start)
{
    /// <summary>Every interviewer's address, once each, in order of first appearance.</summary>
    public IReadOnlyList<string> Addresses =>
        [.. Sessions.SelectMany(s => s.Interviewers).Select(i => i.Email).Distinct(StringComparer.OrdinalIgnoreCase)];
}
