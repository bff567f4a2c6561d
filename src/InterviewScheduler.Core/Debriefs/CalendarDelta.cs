namespace InterviewScheduler.Core.Debriefs;

/// <summary>One round of calendar changes.</summary>
/// <param name="ChangedEventIds">Events created or updated (moves, cancellations by the organizer, responses).</param>
/// <param name="RemovedEventIds">Events deleted or gone out of the window.</param>
/// <param name="DeltaToken">Where to continue from next time.</param>
public sealed record CalendarDelta(IReadOnlyList<string> ChangedEventIds, IReadOnlyList<string> RemovedEventIds, string DeltaToken);
