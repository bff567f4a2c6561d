using System.Globalization;
using System.Net;
using System.Text;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>One interview moved or cancelled in "Outlook", and when Graph took it.</summary>
internal sealed record OutlookChange(FlowBooking Booking, string EventId, bool IsCancel, DateTimeOffset? DoneAt, int Attempts, string? Error)
{
    /// <summary>When the debrief (and the candidate's invites) first matched the calendar after the change; set by the watcher.</summary>
    public DateTimeOffset? FollowedAt { get; set; }
}

/// <summary>
/// Moves interviews a week later or cancels them as a person with the organizer mailbox open in Outlook would:
/// through the sandbox's Graph routes (PATCH the event, POST its cancel), under the same fault rules as the app.
/// Change notifications, or the app's reconciliation, must carry each change to the debrief and the invites.
/// A throttled or unanswered request is sent again: a move is the same PATCH, and a cancel whose event is gone
/// after an unanswered try was done by that try.
/// </summary>
internal sealed class OutlookChanges(HttpClient http, Uri graphBaseUrl, string organizerMailbox)
{
    public static readonly TimeSpan MoveBy = TimeSpan.FromDays(7);

    public async Task<OutlookChange> MoveAsync(FlowBooking booking, BookedInterview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(interview);
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            start = new { dateTime = Local(interview.Start + MoveBy), timeZone = "UTC" },
            end = new { dateTime = Local(interview.End + MoveBy), timeZone = "UTC" },
        });
        return await SendAsync(booking, interview.EventId, isCancel: false, HttpMethod.Patch, $"users/{Uri.EscapeDataString(organizerMailbox)}/events/{Uri.EscapeDataString(interview.EventId)}", body, cancellationToken);
    }

    public async Task<OutlookChange> CancelAsync(FlowBooking booking, BookedInterview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(interview);
        return await SendAsync(booking, interview.EventId, isCancel: true, HttpMethod.Post, $"users/{Uri.EscapeDataString(organizerMailbox)}/events/{Uri.EscapeDataString(interview.EventId)}/cancel", """{"comment":"Cancelled in Outlook by the load suite."}""", cancellationToken);
    }

    private async Task<OutlookChange> SendAsync(FlowBooking booking, string eventId, bool isCancel, HttpMethod method, string path, string body, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var attempts = 0;
        string? error = null;
        var unanswered = false;
        while (DateTimeOffset.UtcNow - started < TimeSpan.FromMinutes(2))
        {
            attempts++;
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(graphBaseUrl.ToString().TrimEnd('/') + "/" + path))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                using var response = await http.SendAsync(request, timeout.Token);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode || (isCancel && unanswered && response.StatusCode == HttpStatusCode.NotFound))
                {
                    return new OutlookChange(booking, eventId, isCancel, DateTimeOffset.UtcNow, attempts, null);
                }

                error = $"{status}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                if (status is not (429 or 408) && status < 500) break;
                unanswered |= status >= 500;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                unanswered = true;
                error = exception.GetType().Name + ": " + exception.Message;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return new OutlookChange(booking, eventId, isCancel, null, attempts, error);
    }

    private static string Local(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
