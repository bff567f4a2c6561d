namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// When to try an acknowledgment again after a transient failure or an unknown outcome: exponential from
/// <see cref="First"/>, capped at <see cref="Longest"/>, with jitter so that a burst of failures does not come back
/// as a burst. Over the default 24-hour horizon that is about 30 attempts.
/// </summary>
public static class AcknowledgmentBackoff
{
    /// <summary>The wait after the first failed attempt, before jitter.</summary>
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts, before jitter.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="attempts"/> attempts: First·2^(attempts-1), at most Longest, times a factor in [0.75, 1.25).</summary>
    public static TimeSpan After(int attempts, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var wait = Math.Min(First.TotalSeconds * Math.Pow(2, exponent), Longest.TotalSeconds);
        return TimeSpan.FromSeconds(wait * (0.75 + (random.NextDouble() / 2)));
    }
}
