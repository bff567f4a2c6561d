using System.Collections.Concurrent;
using System.Text.Json;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>An interview as <c>GET /api/applications/{id}</c> shows it.</summary>
internal sealed record InterviewState(string EventId, DateTimeOffset Start, DateTimeOffset End, string Status);

/// <summary>The debrief as the API shows it.</summary>
internal sealed record DebriefState(string EventId, DateTimeOffset Start, string? JoinUrl, string Status);

/// <summary>What the app says about a booked application at the end of the run.</summary>
/// <param name="Acknowledgment">Status, attempts and, while a retry is due, when and why: for the report of one not sent.</param>
internal sealed record ApplicationFlowState(string AcknowledgmentStatus, string Acknowledgment, IReadOnlyList<InterviewState> Interviews, DebriefState? Debrief)
{
    /// <summary>When the app will try the acknowledgment again, while it is <c>sending</c> with a retry due.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}

/// <summary>Reads booked applications back as a signed-in recruiter, a few at a time.</summary>
internal sealed class FlowViews(HttpClient http, Uri baseUrl)
{
    public async Task<IReadOnlyDictionary<string, ApplicationFlowState?>> ReadAsync(IEnumerable<string> applicationIds, CancellationToken cancellationToken)
    {
        var cookie = await RecruiterSignIn.CookieAsync(http, baseUrl, cancellationToken);
        var states = new ConcurrentDictionary<string, ApplicationFlowState?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(applicationIds, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"/api/applications/{Uri.EscapeDataString(id)}"));
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
            {
                states[id] = null;
                return;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
            var root = json.RootElement;
            var interviews = root.GetProperty("interviews").EnumerateArray().Select(i => new InterviewState(
                i.GetProperty("eventId").GetString()!, i.GetProperty("start").GetDateTimeOffset(), i.GetProperty("end").GetDateTimeOffset(), i.GetProperty("status").GetString()!)).ToList();
            var debrief = root.GetProperty("debrief") is { ValueKind: JsonValueKind.Object } d
                ? new DebriefState(d.GetProperty("eventId").GetString()!, d.GetProperty("start").GetDateTimeOffset(), d.GetProperty("joinUrl").GetString(), d.GetProperty("status").GetString()!)
                : null;
            var acknowledgment = root.GetProperty("acknowledgment");
            states[id] = new ApplicationFlowState(acknowledgment.GetProperty("status").GetString()!, acknowledgment.GetRawText(), interviews, debrief)
            {
                NextAttemptAt = acknowledgment.TryGetProperty("nextAttemptAt", out var next) && next.ValueKind == JsonValueKind.String ? next.GetDateTimeOffset() : null,
            };
        });
        return states;
    }
}
