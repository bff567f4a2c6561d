using System.Text.Json;

namespace InterviewScheduler.LoadTests;

/// <summary>An application as <c>GET /api/applications/{id}</c> shows it; times are the service's (UTC).</summary>
/// <param name="AcknowledgmentStatus">pending, sending, sent or failed.</param>
/// <param name="Attempts">Send attempts begun.</param>
/// <param name="ReceivedAt">When intake stored it.</param>
/// <param name="AcknowledgedAt">When the acknowledgment was recorded as sent (after Graph accepted it).</param>
internal sealed record ApplicationState(string ApplicationId, string AcknowledgmentStatus, int Attempts, DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgedAt);

/// <summary>Reads applications back from the API, a few at a time, after the measured run.</summary>
/// <param name="signInCookie">The recruiter's session (<see cref="RecruiterSignIn"/>): the route is for recruiters.</param>
internal sealed class ApplicationReader(HttpClient http, Uri baseUrl, string signInCookie)
{
    private const int Parallelism = 4;

    public async Task<IReadOnlyDictionary<string, ApplicationState?>> ReadAsync(IEnumerable<string> applicationIds, CancellationToken cancellationToken)
    {
        var states = new System.Collections.Concurrent.ConcurrentDictionary<string, ApplicationState?>();
        await Parallel.ForEachAsync(applicationIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, token) =>
        {
            states[id] = await ReadOneAsync(id, token);
        });
        return states;
    }

    private async Task<ApplicationState?> ReadOneAsync(string applicationId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"/api/applications/{Uri.EscapeDataString(applicationId)}"));
        request.Headers.Add("Cookie", signInCookie);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = json.RootElement;
        var acknowledgment = root.GetProperty("acknowledgment");
        var acknowledgedAt = root.GetProperty("timeline").GetProperty("acknowledgedAt");
        return new ApplicationState(
            applicationId,
            acknowledgment.GetProperty("status").GetString() ?? "",
            acknowledgment.GetProperty("attempts").GetInt32(),
            root.GetProperty("receivedAt").GetDateTimeOffset(),
            acknowledgedAt.ValueKind == JsonValueKind.Null ? null : acknowledgedAt.GetDateTimeOffset());
    }
}
