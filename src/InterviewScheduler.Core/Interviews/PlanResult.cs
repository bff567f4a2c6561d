using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>Options found, or the interviewers that made the search impossible.</summary>
/// <param name="Options">Ranked, best first; empty when no time works.</param>
/// <param name="UnknownInterviewers">Field path → why, for interviewers Graph does not know.</param>
public sealed record PlanResult(IReadOnlyList<SlotOption> Options, IReadOnlyDictionary<string, string[]> UnknownInterviewers)
{
    /// <summary>Each person's IANA time zone, from their working hours, so that options can be shown in local time.</summary>
    public IReadOnlyDictionary<string, string> TimeZones { get; init; } = new Dictionary<string, string>();
}
