using System.Net;

namespace InterviewScheduler.Graph.Connection;

/// <summary>
/// Sits under the Graph SDK's retry handler, so it sees every attempt: reports each response that asks the service to
/// slow down. It never retries or delays; the SDK's retry handler does that.
/// </summary>
public sealed class GraphThrottlingObserver(Action<int> throttled) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null))
        {
            throttled((int)response.StatusCode);
        }

        return response;
    }
}
