using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>Options found, or the interviewers that made the search impossible.</summary>
/// <param name="Options">Ranked, best first; empty when no time works.</param>
/// <param name="UnknownInterviewers">Field path → why, for interviewers Graph does not know.</param>
public sealed record PlanResult(IReadOnlyList<SlotOption> Options, IReadOnlyDictionary<string, string[]> UnknownInterviewers);
