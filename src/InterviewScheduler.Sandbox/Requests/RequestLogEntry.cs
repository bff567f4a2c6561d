namespace InterviewScheduler.Sandbox.Requests;

/// <summary>One Graph request the sandbox answered (including each <c>$batch</c> sub-request, marked <see cref="InBatch"/>).</summary>
/// <param name="Time">When it arrived (UTC, from the tenant's clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path under the host, percent-decoded, for example <c>/v1.0/users/interviews@contoso.com/events</c>.</param>
/// <param name="Query">Query string including <c>?</c>, or empty.</param>
/// <param name="Status">HTTP status code answered.</param>
/// <param name="RequestBodyBytes">Size of the request body in bytes.</param>
/// <param name="Duration">Time to answer, including injected latency.</param>
/// <param name="InBatch">True when it was a sub-request of a <c>$batch</c>.</param>
public sealed record RequestLogEntry(DateTimeOffset Time, string Method, string Path, string Query, int Status, long RequestBodyBytes, TimeSpan Duration, bool InBatch);
