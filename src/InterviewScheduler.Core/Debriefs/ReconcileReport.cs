namespace InterviewScheduler.Core.Debriefs;

/// <summary>What one reconciliation did.</summary>
/// <param name="Refreshed">Applications brought in line with the calendar.</param>
/// <param name="Failed">For each application whose refresh failed, one of its changed event ids, to retry on its own.</param>
public sealed record ReconcileReport(int Refreshed, IReadOnlyList<string> Failed);
