using System.Net.Http.Headers;

namespace InterviewScheduler.Graph.Connection;

/// <summary>
/// Reads Graph's <c>Retry-After</c> (seconds, or an HTTP date) the one way the project does, with
/// <see cref="RetryConditionHeaderValue"/>; a date in the past is a wait of zero.
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>The wait a <c>Retry-After</c> value asks for, or null when there is none.</summary>
    public static TimeSpan? Wait(RetryConditionHeaderValue? value, DateTimeOffset now) => value switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The wait in the <c>Retry-After</c> of a Kiota <c>ApiException</c>'s headers, or null.</summary>
    public static TimeSpan? Wait(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now)
    {
        if (headers is null) return null;
        var text = headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return text is not null && RetryConditionHeaderValue.TryParse(text, out var value) ? Wait(value, now) : null;
    }
}
