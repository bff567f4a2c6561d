namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>An offer's outcome with what goes with it.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Offer">The stored offer, when one is.</param>
public sealed record OfferResult(OfferOutcome Outcome, SelfSchedulingOffer? Offer = null)
{
    /// <summary>For <see cref="OfferOutcome.Deferred"/>: when to repeat the request.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>Why the email is deferred or failed: a code and a short reason, never an address.</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="OfferOutcome.UnknownInterviewers"/>: field path → why.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
