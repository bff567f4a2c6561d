namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// Everything one booking will put in the calendar, fixed before the first event is created: each session's time and
/// interviewers, and the debrief when it goes in the same write. Every event made for the plan carries
/// <see cref="PlanId"/> (as <see cref="CalendarEventDraft.Tag"/>) and a transactionId derived from it, so the plan's
/// events can be found again whatever happened to the answers.
/// </summary>
/// <param name="PlanId">Random, new for each plan (32 hex digits).</param>
/// <param name="Sessions">The sessions in request order.</param>
/// <param name="Debrief">The debrief made with the sessions, or null when it is placed afterwards.</param>
public sealed record BookingPlan(string PlanId, IReadOnlyList<PlannedSession> Sessions, PlannedDebrief? Debrief)
{
    /// <summary>Graph's transactionId for the interviewers' meeting of session <paramref name="index"/>.</summary>
    public string InterviewTransactionId(int index) => $"interview-{PlanId}-{index}";

    /// <summary>Graph's transactionId for the candidate's invite to session <paramref name="index"/>.</summary>
    public string CandidateTransactionId(int index) => $"candidate-{PlanId}-{index}";

    /// <summary>Graph's transactionId for the debrief made with the sessions.</summary>
    public string DebriefTransactionId => $"debrief-{PlanId}";
}
