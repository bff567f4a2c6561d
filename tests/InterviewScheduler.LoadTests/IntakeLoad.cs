using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace InterviewScheduler.LoadTests;

/// <summary>What happened to one POST: when it was due and sent (wall clock, UTC), its answer and how long that took.</summary>
internal sealed record PostOutcome(PlannedPost Post, DateTimeOffset DueAt, DateTimeOffset SentAt, TimeSpan Latency, int Status, string? ApplicationId, string? Error)
{
    /// <summary>202 (a new application) or 200 (a duplicate answered with the first one).</summary>
    public bool Accepted => Status is 200 or 202 && ApplicationId is not null;
}

/// <summary>
/// Posts a plan open-loop: post k leaves at start + k / rate whatever the earlier posts are doing, so a slow
/// server shows up as latency, not as a lower offered rate.
/// </summary>
internal sealed class IntakeLoad(HttpClient http, Uri baseUrl)
{
    private readonly Uri _applications = new(baseUrl, "/api/applications");

    public async Task<IReadOnlyList<PostOutcome>> RunAsync(IReadOnlyList<PlannedPost> posts, double rate, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1 / rate);
        var inFlight = new Task<PostOutcome>[posts.Count];
        var wallStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < posts.Count; k++)
        {
            var due = interval * k;
            var remaining = due - clock.Elapsed;
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
            inFlight[k] = PostAsync(posts[k], wallStart + due, cancellationToken);
        }

        return await Task.WhenAll(inFlight);
    }

    /// <summary>Posts one application and waits for its answer; used for the warm-up, one at a time.</summary>
    public Task<PostOutcome> PostOnceAsync(PlannedApplication application, CancellationToken cancellationToken) =>
        PostAsync(new PlannedPost(-1, application, IsResend: false), DateTimeOffset.UtcNow, cancellationToken);

    private async Task<PostOutcome> PostAsync(PlannedPost post, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(post.Application.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var sentAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync(_applications, content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            return new PostOutcome(post, dueAt, sentAt, latency, status, ApplicationId(body), response.IsSuccessStatusCode ? null : Truncate(body));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new PostOutcome(post, dueAt, sentAt, Stopwatch.GetElapsedTime(started), 0, null, exception.GetType().Name + ": " + exception.Message);
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

    private static string Truncate(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 200 ? text[..200] : text;
    }
}
