using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>An interview as the booking answered it.</summary>
internal sealed record BookedInterview(string EventId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>One panel booking: what was asked, how it ended, and how long it took from the first request.</summary>
internal sealed record FlowBooking(
    FlowApplication Application,
    string ApplicationId,
    int PanelSize,
    int Sessions,
    DateTimeOffset RequestedAt,
    DateTimeOffset? BookedAt,
    int Attempts,
    int Status,
    IReadOnlyList<BookedInterview> Interviews,
    string? Error)
{
    public bool Booked => BookedAt is not null && Interviews.Count > 0;
}

/// <summary>
/// Books panels as a recruiter would (signed in through the DevHost's development sign-in): 5-50 interviewers, one
/// session or two, the best option. A booking without an answer, or answered 5xx or 409, is asked again with the
/// same Idempotency-Key: the service must resume or replay it, never book it twice.
/// </summary>
internal sealed class FlowBookings(HttpClient http, Uri baseUrl)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(6);

    private const int Parallelism = 4;

    private string? _cookie;

    public async Task<IReadOnlyList<FlowBooking>> RunAsync(string runId, IReadOnlyList<(FlowApplication Application, string ApplicationId)> chosen, IReadOnlyList<string> interviewers, FlowOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed + 2);
        // Panels are drawn up front, so that a run is the same whatever order the bookings finish in.
        var requests = chosen.Select(c =>
        {
            var size = random.Next(options.MinPanel, options.MaxPanel + 1);
            var panel = interviewers.OrderBy(_ => random.Next()).Take(size).ToList();
            var sessions = size >= 6 && random.NextDouble() < 0.3 ? 2 : 1;
            return (c.Application, c.ApplicationId, Panel: panel, Sessions: sessions);
        }).ToList();

        var bookings = new FlowBooking[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var r = requests[i];
            bookings[i] = await BookAsync(runId, r.Application, r.ApplicationId, r.Panel, r.Sessions, token);
        });
        return bookings;
    }

    private async Task<FlowBooking> BookAsync(string runId, FlowApplication application, string applicationId, List<string> panel, int sessions, CancellationToken cancellationToken)
    {
        IReadOnlyList<IReadOnlyList<string>> split = sessions == 1 ? [panel] : [panel.Take(panel.Count / 2).ToList(), panel.Skip(panel.Count / 2).ToList()];
        var body = new
        {
            sessions = split.Select((people, s) => new { title = $"Panel {s + 1}", durationMinutes = 45, interviewers = people.Select(e => new { email = e }) }),
        };
        var key = $"flow-{runId}-{application.Index}";
        var requestedAt = DateTimeOffset.UtcNow;
        var attempts = 0;
        var status = 0;
        string? error = null;
        while (DateTimeOffset.UtcNow - requestedAt < GiveUpAfter)
        {
            attempts++;
            try
            {
                _cookie ??= await RecruiterSignIn.CookieAsync(http, baseUrl, cancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, $"/api/applications/{Uri.EscapeDataString(applicationId)}/interviews"))
                {
                    Content = JsonContent.Create(body),
                };
                request.Headers.Add("Cookie", _cookie);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return new FlowBooking(application, applicationId, panel.Count, sessions, requestedAt, DateTimeOffset.UtcNow, attempts, status, Interviews(text), null);
                }

                error = text.Length > 300 ? text[..300] : text;
                // A session lost when the DevHost restarted: sign in again.
                if (status is 401 or 403) _cookie = null;
                else if (status is not (409 or 429 or 408) && status < 500) break;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = 0;
                error = exception.GetType().Name + ": " + exception.Message;
            }

            await Task.Delay(TimeSpan.FromSeconds(status == 409 ? 2 : 1), cancellationToken);
        }

        return new FlowBooking(application, applicationId, panel.Count, sessions, requestedAt, null, attempts, status, [], error);
    }

    private static IReadOnlyList<BookedInterview> Interviews(string text)
    {
        using var json = JsonDocument.Parse(text);
        return [.. json.RootElement.GetProperty("interviews").EnumerateArray().Select(i => new BookedInterview(
            i.GetProperty("eventId").GetString()!,
            i.GetProperty("start").GetDateTimeOffset(),
            i.GetProperty("end").GetDateTimeOffset()))];
    }
}
