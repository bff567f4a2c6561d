using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>What became of one post: its first try, the answer that ended it, and how many tries it took.</summary>
internal sealed record FlowPostOutcome(FlowPost Post, DateTimeOffset FirstSentAt, DateTimeOffset? AcceptedAt, int Attempts, int Status, string? ApplicationId, string? Error)
{
    public bool Accepted => Status is 200 or 202 && ApplicationId is not null;
}

/// <summary>
/// Posts the applications burst by burst, open loop within a burst. A post that gets no answer, a 5xx or a 429 is
/// sent again (the same body) after a second, as a client or Greenhouse's redelivery would, until it is answered
/// or <see cref="GiveUpAfter"/>: the DevHost being killed or storage restarting must cost time, not applications.
/// </summary>
internal sealed class FlowIntake(HttpClient http, Uri baseUrl)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);

    /// <param name="onPost">Called as post k leaves, to start the chaos at the right moment.</param>
    /// <param name="afterBurst">Awaited once burst b is answered, before the pause: chaos between bursts.</param>
    public async Task<IReadOnlyList<FlowPostOutcome>> RunAsync(IReadOnlyList<FlowPost> posts, FlowOptions options, Action<int> onPost, Func<int, Task> afterBurst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(options);
        var interval = TimeSpan.FromSeconds(1 / options.BurstRate);
        var inFlight = new List<Task<FlowPostOutcome>>(posts.Count);
        foreach (var burst in posts.GroupBy(p => p.Burst).OrderBy(g => g.Key))
        {
            if (burst.Key > 0) await Task.Delay(options.BurstPause, cancellationToken);
            var clock = Stopwatch.StartNew();
            var k = 0;
            foreach (var post in burst)
            {
                var remaining = interval * k++ - clock.Elapsed;
                if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
                onPost(post.Sequence);
                inFlight.Add(PostAsync(post, cancellationToken));
            }

            await Task.WhenAll(inFlight);
            await afterBurst(burst.Key);
        }

        return await Task.WhenAll(inFlight);
    }

    private async Task<FlowPostOutcome> PostAsync(FlowPost post, CancellationToken cancellationToken)
    {
        var first = DateTimeOffset.UtcNow;
        var attempts = 0;
        var status = 0;
        string? error = null;
        var route = new Uri(baseUrl, post.Application.ViaGreenhouse ? "/api/intake/greenhouse" : "/api/applications");
        while (true)
        {
            attempts++;
            try
            {
                using var content = new ByteArrayContent(post.Application.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = content };
                if (post.Application.Signature is { } signature)
                {
                    request.Headers.TryAddWithoutValidation("Signature", signature);
                    request.Headers.TryAddWithoutValidation("Greenhouse-Event-ID", $"flow-{post.Sequence}");
                }

                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                status = (int)response.StatusCode;
                if (status is 200 or 202 && ApplicationId(body) is { } id)
                {
                    return new FlowPostOutcome(post, first, DateTimeOffset.UtcNow, attempts, status, id, null);
                }

                error = System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
                if (status is not (429 or 408) && status < 500) return new FlowPostOutcome(post, first, null, attempts, status, null, error);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = 0;
                error = exception.GetType().Name + ": " + exception.Message;
            }

            if (DateTimeOffset.UtcNow - first > GiveUpAfter) return new FlowPostOutcome(post, first, null, attempts, status, null, error);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static string? ApplicationId(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("applicationId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
