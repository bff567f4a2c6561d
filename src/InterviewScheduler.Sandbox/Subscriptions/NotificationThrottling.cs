namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// How Graph throttles a webhook endpoint that answers slowly or not at all, per notification URL (a subscription's
/// notification URL and its lifecycle URL are two endpoints): concepts/change-notifications-delivery-webhooks.md,
/// "Throttling". Defaults are the documented values; where versions of the page disagree, the stricter one.
/// Immutable; the tenant judges each endpoint with <see cref="EndpointThrottle"/>.
/// </summary>
/// <remarks>
/// The page (2026): an endpoint is marked slow once more than 10% of responses take longer than the 3-second timeout in
/// a 10-minute window, and its notifications are then sent after a 10-minute delay; it is marked drop once more than 15%
/// of responses take longer than the 10-second retry timeout in a 10-minute window, and notifications are dropped for a
/// 10-minute window; every 10 minutes a small number of notifications decides whether it leaves either state. Its 2023
/// version: a response is slow when publishing takes more than 2900 ms; the percentage is calculated after the endpoint
/// receives 100 notifications; slow at 10% ("reaches"), dropped at 15% ("greater than or equal"); the accumulation of
/// responses is flushed every 10 minutes. Older versions delayed a slow endpoint's notifications by 10 seconds.
/// </remarks>
public sealed record NotificationThrottling
{
    /// <summary>Graph's documented throttling.</summary>
    public static NotificationThrottling Documented { get; } = new();

    /// <summary>False sends every notification at once, however the endpoint answers (default true).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// A response counts as slow unless it is a 2xx within this time (2900 ms): a slow answer, a timeout, an unreachable
    /// endpoint and an error answer all count, the strict reading of "doesn't receive a 2xx class code within 3 seconds".
    /// The 2900 ms are the 2023 page's; the current one says "longer than the 3-second timeout allowance". One measure
    /// serves both marks: the current page judges drop on the 10-second retry timeout, the 2023 one on the same slow responses.
    /// </summary>
    public TimeSpan SlowResponse { get; init; } = TimeSpan.FromMilliseconds(2900);

    /// <summary>Length of the windows responses are counted in, per endpoint (10 minutes).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Responses a window must hold before its share of slow ones can mark the endpoint (100, the 2023 page's count).</summary>
    public int MinimumResponses { get; init; } = 100;

    /// <summary>Percentage of slow responses, reached, that marks the endpoint slow (10).</summary>
    public int SlowPercentage { get; init; } = 10;

    /// <summary>Percentage of slow responses, reached, that puts the endpoint in the drop state (15).</summary>
    public int DropPercentage { get; init; } = 15;

    /// <summary>How long a notification to a slow endpoint waits before it is sent (10 minutes; older pages said 10 seconds).</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long notifications to an endpoint in the drop state are dropped (10 minutes).</summary>
    public TimeSpan DropPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem() =>
        SlowResponse <= TimeSpan.Zero || Window <= TimeSpan.Zero || SlowDelay < TimeSpan.Zero || DropPeriod <= TimeSpan.Zero
            ? "SlowResponse, Window and DropPeriod must be positive and SlowDelay not negative."
            : MinimumResponses < 1
                ? "MinimumResponses must be at least 1."
                : SlowPercentage is < 1 or > 100 || DropPercentage is < 1 or > 100 || DropPercentage < SlowPercentage
                    ? "SlowPercentage and DropPercentage must be within 1..100, DropPercentage not below SlowPercentage."
                    : null;
}
