using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>The debrief of a <see cref="BookingPlan"/>: right after its last session, for the whole team.</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Team">Every interviewer of the plan, then the recruiter.</param>
public sealed record PlannedDebrief(TimeRange Time, IReadOnlyList<string> Team);
