namespace InterviewScheduler.Core.Availability;

/// <summary>
/// The answer to "does this start still work?": the option when it does, otherwise null and the
/// <see cref="Problems"/> that rule it out (human-readable, one per cause). Immutable.
/// </summary>
/// <param name="Option">The option starting at the asked time, or null.</param>
/// <param name="Problems">Why the start does not work; empty when <paramref name="Option"/> is set.</param>
public sealed record SlotEvaluation(SlotOption? Option, IReadOnlyList<string> Problems)
{
    /// <summary>True when the start works.</summary>
    public bool IsAvailable => Option is not null;
}
