using System.Globalization;
using System.Net;
using System.Text.Json;
using InterviewScheduler.Graph.Connection;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace InterviewScheduler.Graph.Calendar;

/// <summary>
/// Sends calendar requests for one mailbox as JSON <c>$batch</c> requests of up to <see cref="MaxStepsPerBatch"/>
/// steps (json-batching.md), so that many reads or creates cost one HTTP round trip each twenty.
/// </summary>
/// <remarks>
/// A batch answers 200 whatever its steps did, so each step's status is read on its own. Steps answered 429 or
/// 503 (throttled, or the mailbox's four concurrent requests in use) are sent again, alone, in a new batch after the
/// longest Retry-After among them (at most <see cref="LongestRetryWait"/>), up to <see cref="MaxThrottledRetries"/>
/// times; any other failed step, or a step still throttled after that, is a <see cref="GraphCalendarException"/>.
/// Steps are sequenced with <c>dependsOn</c> (json-batching.md, "Sequencing requests"): independent steps run side by
/// side, and Outlook takes four requests at once per mailbox, so a batch of twenty would throttle itself. A step after
/// one that failed answers 424 and goes again with it. A re-sent create carries its transactionId, so a step that took effect before its answer was lost makes no
/// second event.
/// </remarks>
public sealed class GraphCalendarBatch(GraphServiceClient graph, TimeProvider time)
{
    /// <summary>Most steps Graph accepts in one JSON batch.</summary>
    public const int MaxStepsPerBatch = 20;

    /// <summary>How many times steps throttled inside a batch are sent again before giving up.</summary>
    public const int MaxThrottledRetries = 3;

    /// <summary>The longest wait before re-sending throttled steps, whatever Retry-After says.</summary>
    public static readonly TimeSpan LongestRetryWait = TimeSpan.FromSeconds(30);

    /// <summary>Used when a throttled step gives no Retry-After.</summary>
    private static readonly TimeSpan DefaultRetryWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Sends the requests <paramref name="requests"/> build and returns each one's answer, in the same order.
    /// <paramref name="what"/> names the requests in errors ("creating events"). A request is built anew for each
    /// send: a request's body is a stream, read once.
    /// </summary>
    public async Task<IReadOnlyList<T?>> SendAsync<T>(string what, string mailbox, IReadOnlyList<Func<RequestInformation>> requests, CancellationToken cancellationToken)
        where T : IParsable, new()
    {
        var answers = new T?[requests.Count];
        // Batches go one after the other: Exchange allows only a few concurrent requests per mailbox, and each
        // batch already runs its steps side by side.
        foreach (var batch in Enumerable.Range(0, requests.Count).Chunk(MaxStepsPerBatch))
        {
            IReadOnlyList<int> pending = batch;
            for (var retry = 0; ; retry++)
            {
                var (throttled, wait, status) = await SendBatchAsync(what, mailbox, requests, pending, answers, cancellationToken);
                if (throttled.Count == 0) break;
                if (retry == MaxThrottledRetries)
                {
                    throw new GraphCalendarException(
                        string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph kept refusing {what} for mailbox '{mailbox}' for now: {throttled.Count} request(s) still answered {(int)status} after {MaxThrottledRetries} retries."),
                        (int)status,
                        status == HttpStatusCode.TooManyRequests ? "TooManyRequests" : "ServiceNotAvailable");
                }

                await Task.Delay(wait, time, cancellationToken);
                pending = throttled;
            }
        }

        return answers;
    }

    /// <summary>
    /// Sends the <paramref name="pending"/> requests as one batch; fills <paramref name="answers"/> and returns the
    /// throttled ones with the wait they ask for and the status they answered (429 when any did, else 503).
    /// </summary>
    private async Task<(IReadOnlyList<int> Throttled, TimeSpan Wait, HttpStatusCode Status)> SendBatchAsync<T>(
        string what, string mailbox, IReadOnlyList<Func<RequestInformation>> requests, IReadOnlyList<int> pending, T?[] answers, CancellationToken cancellationToken)
        where T : IParsable, new()
    {
        var content = new BatchRequestContentCollection(graph, MaxStepsPerBatch);
        string? previous = null;
        foreach (var index in pending)
        {
            var id = await content.AddBatchRequestStepAsync(requests[index](), StepId(index));
            // One after the other: Outlook runs a batch's independent steps side by side, and a mailbox takes only
            // four requests at once; sequenced steps use one.
            if (previous is not null) content.BatchRequestSteps[id].DependsOn = [previous];
            previous = id;
        }

        BatchResponseContentCollection response;
        try
        {
            response = await graph.Batch.PostAsync(content, cancellationToken);
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused($"a $batch of {what}", mailbox, exception);
        }

        var statuses = await response.GetResponsesStatusCodesAsync();
        var throttled = new List<int>();
        var wait = TimeSpan.Zero;
        var throttledStatus = HttpStatusCode.ServiceUnavailable;
        foreach (var index in pending)
        {
            var id = StepId(index);
            if (!statuses.TryGetValue(id, out var status))
            {
                throw new GraphCalendarException($"Microsoft Graph's $batch answer for mailbox '{mailbox}' has no response to {what} step {id}.", 0, null);
            }

            if ((int)status is >= 200 and < 300)
            {
                answers[index] = await response.GetResponseByIdAsync<T>(id);
                continue;
            }

            if (status == HttpStatusCode.FailedDependency)
            {
                // An earlier step failed, so this one was not run: it goes again with the throttled ones.
                throttled.Add(index);
                continue;
            }

            using var step = await response.GetResponseByIdAsync(id);
            if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                throttled.Add(index);
                if (status == HttpStatusCode.TooManyRequests) throttledStatus = status;
                var asked = RetryAfter(step);
                if (asked > wait) wait = asked;
                continue;
            }

            var (code, message) = await ErrorOf(step, cancellationToken);
            throw new GraphCalendarException(GraphCalendarMapping.Describe((int)status, code, message, what, mailbox), (int)status, code);
        }

        return (throttled, wait, throttledStatus);
    }

    private static string StepId(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private TimeSpan RetryAfter(HttpResponseMessage step)
    {
        var asked = RetryAfterHeader.Wait(step.Headers.RetryAfter, time.GetUtcNow()) ?? DefaultRetryWait;
        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > LongestRetryWait ? LongestRetryWait : asked;
    }

    private static async Task<(string? Code, string? Message)> ErrorOf(HttpResponseMessage step, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await step.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not Graph's error shape: the status alone says enough.
        }

        return (null, null);
    }
}
