using InterviewScheduler.Sandbox.Mail;

namespace InterviewScheduler.Sandbox;

/// <remarks>
/// Exchange Online's per-mailbox limits, enforced as 429 with Retry-After: sending limits from the Exchange Online
/// service description (30 messages a minute, 10,000 recipients a day) and Outlook's concurrency limit from
/// Graph's throttling-limits page (4 concurrent requests per app and mailbox). Windows are rolling, the strictest reading.
/// </remarks>
public sealed partial class SandboxTenant
{
    private readonly Dictionary<string, List<(DateTimeOffset At, int Recipients)>> _submissions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _inFlightGate = new();

    /// <summary>Whether the limits below are enforced (default true).</summary>
    public bool EnforceExchangeLimits { get; set; } = true;

    /// <summary>Messages one mailbox may send in any 60 seconds (default 30).</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Recipients one mailbox may send to in any 24 hours (default 10,000).</summary>
    public int RecipientsPerDay { get; set; } = 10_000;

    /// <summary>Requests the app may have open against one mailbox at once (default 4).</summary>
    public int ConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>Starts a request against a mailbox; null when it may go on (call <see cref="LeaveMailbox"/> after), else the limit hit.</summary>
    internal MailboxLimitHit? EnterMailbox(string mailbox)
    {
        lock (_inFlightGate)
        {
            var open = _inFlight.GetValueOrDefault(mailbox);
            if (EnforceExchangeLimits && open >= ConcurrentRequestsPerMailbox)
            {
                return new MailboxLimitHit("ApplicationThrottled", "Application is over its MailboxConcurrency limit.", TimeSpan.FromSeconds(1));
            }

            _inFlight[mailbox] = open + 1;
            return null;
        }
    }

    internal void LeaveMailbox(string mailbox)
    {
        lock (_inFlightGate)
        {
            if (_inFlight.TryGetValue(mailbox, out var open)) _inFlight[mailbox] = Math.Max(0, open - 1);
        }
    }

    /// <summary>Counts a submission against the mailbox's rolling windows, or answers the limit it would break.</summary>
    private SendOutcome? ExchangeLimitLocked(string mailbox, int recipients, DateTimeOffset now)
    {
        if (!_submissions.TryGetValue(mailbox, out var sent))
        {
            sent = [];
            _submissions[mailbox] = sent;
        }

        sent.RemoveAll(s => s.At <= now - TimeSpan.FromDays(1));
        if (EnforceExchangeLimits)
        {
            var lastMinute = sent.Where(s => s.At > now - TimeSpan.FromMinutes(1)).ToList();
            if (lastMinute.Count >= MessagesPerMinute)
            {
                var wait = lastMinute[lastMinute.Count - MessagesPerMinute].At + TimeSpan.FromMinutes(1) - now;
                return SendOutcome.Refuse(new MailboxLimitHit("ApplicationThrottled", "Mailbox is over its message rate limit of 30 messages a minute.", Ceiling(wait)));
            }

            var total = sent.Sum(s => s.Recipients);
            if (total + recipients > RecipientsPerDay)
            {
                // Wait until enough of the oldest recipients leave the 24-hour window.
                var freed = 0;
                var until = now;
                foreach (var s in sent)
                {
                    freed += s.Recipients;
                    until = s.At + TimeSpan.FromDays(1);
                    if (total - freed + recipients <= RecipientsPerDay) break;
                }

                return SendOutcome.Refuse(new MailboxLimitHit("ErrorSubmissionQuotaExceeded", "Mailbox is over its recipient rate limit of 10,000 recipients a day.", Ceiling(until - now)));
            }
        }

        sent.Add((now, recipients));
        return null;
    }

    private static TimeSpan Ceiling(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
}
