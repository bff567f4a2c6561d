using System.Text.RegularExpressions;

namespace InterviewScheduler.Sandbox.Faults;

/// <summary>
/// A switchable failure on Graph routes. <see cref="PathPattern"/> is matched against the request path under
/// <c>/v1.0</c> (percent-decoded, case-insensitive), where <c>*</c> stands for any text: <c>*/calendar/getSchedule</c>,
/// <c>/users/*/sendMail</c>, <c>/$batch</c>, or <c>*</c> for everything. A rule fires for the next
/// <see cref="Count"/> matching requests (null = without end), each with probability <see cref="Rate"/>.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Assigned by the tenant when the rule is added.</summary>
    public string Id { get; init; } = string.Empty;

    public required string PathPattern { get; init; }

    /// <summary>HTTP method to match (GET, POST, ...), or null for any.</summary>
    public string? Method { get; init; }

    public required FaultKind Kind { get; init; }

    /// <summary>Seconds sent in <c>Retry-After</c> with 429 and 503; null sends no header (only for 503).</summary>
    public int? RetryAfterSeconds { get; init; } = 1;

    /// <summary>Added delay in milliseconds, for <see cref="FaultKind.Latency"/>; how long <see cref="FaultKind.AmbiguousTimeout"/> holds the answer before dropping the connection.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>The status <see cref="FaultKind.AmbiguousError"/> answers with (default 504).</summary>
    public int AmbiguousStatus { get; init; } = 504;

    /// <summary>How many more matching requests it hits; null = every one until cleared. Counts down as it fires.</summary>
    public int? Count { get; init; }

    /// <summary>How many matching requests pass untouched before the rule starts to fire ("the second create fails").</summary>
    public int Skip { get; init; }

    /// <summary>Probability in 0..1 that a matching request is hit (drawn from the tenant's seeded generator).</summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>True when <paramref name="path"/> (under /v1.0) and <paramref name="method"/> match this rule.</summary>
    public bool Matches(string method, string path)
    {
        if (Method is not null && !Method.Equals(method, StringComparison.OrdinalIgnoreCase)) return false;
        var regex = "^" + string.Join(".*", PathPattern.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(path, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

/// <summary>The failures a <see cref="FaultRule"/> can inject.</summary>
public enum FaultKind
{
    /// <summary>429 Too Many Requests with Retry-After, Graph's <c>TooManyRequests</c> error.</summary>
    Throttle,

    /// <summary>503 Service Unavailable, optionally with Retry-After.</summary>
    Unavailable,

    /// <summary>The request succeeds after an added delay.</summary>
    Latency,

    /// <summary>
    /// The request takes effect, then the answer is a 5xx (<see cref="FaultRule.AmbiguousStatus"/>) instead of its
    /// own: the client cannot tell whether anything happened, as after a gateway failure behind Graph.
    /// </summary>
    AmbiguousError,

    /// <summary>
    /// The request takes effect, then no answer comes: the connection is held for
    /// <see cref="FaultRule.LatencyMilliseconds"/> and dropped, so the client times out.
    /// </summary>
    AmbiguousTimeout,
}
