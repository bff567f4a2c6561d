using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;

namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// Sends notifications one at a time, in the order they were queued, outside every tenant lock; and runs the
/// validation handshake for new subscriptions. One per tenant, started with the first subscription.
/// </summary>
internal sealed class NotificationSender : IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Channel<NotificationDelivery> _queue = Channel.CreateUnbounded<NotificationDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<NotificationDelivery> _finished;
    private readonly Task _worker;

    /// <param name="finished">Called with each delivery's final copy (Delivered or Failed).</param>
    public NotificationSender(Action<NotificationDelivery> finished)
    {
        _finished = finished;
        _worker = Task.Run(SendQueuedAsync);
    }

    /// <summary>Queues a delivery; false once the sender has stopped.</summary>
    public bool TryQueue(NotificationDelivery delivery) => _queue.Writer.TryWrite(delivery);

    /// <summary>
    /// Graph's handshake: POST <c>{url}?validationToken={token}</c> (text/plain, empty body); the endpoint must answer
    /// 200 with exactly the token as text/plain within <see cref="SubscriptionRules.ValidationTimeout"/>.
    /// </summary>
    /// <returns>Null when validated, else why not.</returns>
    public async Task<string?> ValidateAsync(Uri url, string token, CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        using var request = new HttpRequestMessage(HttpMethod.Post, url + separator + "validationToken=" + Uri.EscapeDataString(token))
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "text/plain"),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(SubscriptionRules.ValidationTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if ((int)response.StatusCode != 200) return $"Notification endpoint must respond with 200 OK to validation request (it answered {(int)response.StatusCode}).";
            if (response.Content.Headers.ContentType?.MediaType != "text/plain") return "Notification endpoint must respond with a text/plain body to validation request.";
            return body == token ? null : "Response must exactly match validationToken query parameter.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Notification endpoint did not respond within {SubscriptionRules.ValidationTimeout.TotalSeconds:0} seconds.";
        }
        catch (HttpRequestException exception)
        {
            return $"Notification endpoint could not be reached ({exception.Message}).";
        }
    }

    private async Task SendQueuedAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                _finished(await SendAsync(delivery));
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped with notifications still queued: they stay Pending in the log.
        }
    }

    private async Task<NotificationDelivery> SendAsync(NotificationDelivery delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(SubscriptionRules.DeliveryTimeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return delivery with
            {
                Outcome = response.IsSuccessStatusCode ? NotificationOutcome.Delivered : NotificationOutcome.Failed,
                Status = status,
                Error = response.IsSuccessStatusCode ? null : $"The endpoint answered {status}.",
                Duration = clock.Elapsed,
            };
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return delivery with { Outcome = NotificationOutcome.Failed, Error = $"No answer within {SubscriptionRules.DeliveryTimeout.TotalSeconds:0} seconds.", Duration = clock.Elapsed };
        }
        catch (HttpRequestException exception)
        {
            return delivery with { Outcome = NotificationOutcome.Failed, Error = exception.Message, Duration = clock.Elapsed };
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
            // Expected when stopping mid-send.
        }

        _stopping.Dispose();
        _http.Dispose();
    }
}
