namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>What one acknowledgment attempt did.</summary>
/// <param name="Step">The outcome.</param>
/// <param name="RetryAfter">For <see cref="AcknowledgmentStep.Deferred"/>: when to try again.</param>
public sealed record AcknowledgmentResult(AcknowledgmentStep Step, TimeSpan RetryAfter = default)
{
    /// <summary>The application as stored after the attempt, when it recorded a send or a failure.</summary>
    public JobApplication? Application { get; init; }

    /// <summary>Why the attempt was deferred or failed (a code and a short reason, never an address).</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="AcknowledgmentStep.Failed"/>: true for an error no retry could fix, false when the retry horizon passed.</summary>
    public bool Permanent { get; init; }
}
