using System.Globalization;
using System.Text;

namespace InterviewScheduler.LoadTests;

/// <summary>One distinct application's fate: its first POST, the ids it was answered with, and the emails its candidate got.</summary>
internal sealed record ApplicationFigures(
    PlannedApplication Application,
    DateTimeOffset FirstPostAt,
    IReadOnlyList<string> ApplicationIds,
    IReadOnlyList<DateTimeOffset> Emails,
    ApplicationState? State)
{
    public bool Accepted => ApplicationIds.Count > 0;

    /// <summary>From the first POST leaving the script to the sandbox accepting <c>sendMail</c>; null without an email.</summary>
    public TimeSpan? PostToSendMail => Emails.Count > 0 ? Emails[0] - FirstPostAt : null;
}

/// <summary>Everything one run observed, and the figures the issue asks for, computed and printed.</summary>
internal sealed class LoadReport
{
    private readonly LoadOptions _options;
    private readonly IReadOnlyList<PostOutcome> _posts;
    private readonly IReadOnlyList<GraphRequest> _graphRequests;
    private readonly TimeSpan? _allAcknowledgedAfter;

    public LoadReport(
        LoadOptions options,
        IntakePlan plan,
        IReadOnlyList<PostOutcome> posts,
        IReadOnlyDictionary<string, List<DateTimeOffset>> mail,
        IReadOnlyList<GraphRequest> graphRequests,
        IReadOnlyDictionary<string, ApplicationState?>? states,
        TimeSpan? allAcknowledgedAfter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _options = options;
        _posts = posts;
        _graphRequests = graphRequests;
        _allAcknowledgedAfter = allAcknowledgedAfter;
        var byApplication = posts.ToLookup(p => p.Post.Application.Index);
        Applications = [.. plan.Applications.Select(a =>
        {
            var own = byApplication[a.Index].ToList();
            var ids = own.Where(p => p.Accepted).Select(p => p.ApplicationId!).Distinct(StringComparer.Ordinal).ToList();
            var emails = mail.TryGetValue(a.Email, out var times) ? times.Order().ToList() : [];
            var state = ids.Count > 0 && states is not null && states.TryGetValue(ids[0], out var s) ? s : null;
            return new ApplicationFigures(a, own.Min(p => p.SentAt), ids, emails, state);
        })];
    }

    public IReadOnlyList<ApplicationFigures> Applications { get; }

    /// <summary>Accepted applications whose candidate got no email within the wait.</summary>
    public int Losses => Applications.Count(a => a.Accepted && a.Emails.Count == 0);

    /// <summary>Applications whose candidate got more than one email.</summary>
    public int Duplicates => Applications.Count(a => a.Emails.Count > 1);

    /// <summary>Applications whose posts were answered with more than one application id: deduplication failed.</summary>
    public int SplitApplications => Applications.Count(a => a.ApplicationIds.Count > 1);

    /// <summary>Applications none of whose posts was accepted.</summary>
    public int NotAccepted => Applications.Count(a => !a.Accepted);

    public int FailedPosts => _posts.Count(p => !p.Accepted);

    public int ExitCode => Losses > 0 || Duplicates > 0 || SplitApplications > 0 ? 1 : FailedPosts > 0 ? 2 : 0;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var first = _posts.Min(p => p.SentAt);
        var last = _posts.Max(p => p.SentAt);
        var lastAnswer = _posts.Max(p => p.SentAt + p.Latency);
        var span = (last - first).TotalSeconds;
        var resends = _posts.Where(p => p.Post.IsResend).ToList();
        var accepted = Applications.Where(a => a.Accepted).ToList();
        var latencies = accepted.Where(a => a.PostToSendMail is not null).Select(a => a.PostToSendMail!.Value).ToList();
        var emails = Applications.SelectMany(a => a.Emails).Order().ToList();

        output.WriteLine();
        Heading(output, $"Intake load: {Applications.Count} applications + {resends.Count} re-sent duplicates = {_posts.Count} posts at {_options.Rate}/s (open loop)");
        Row(output, "posts sent over", $"{span:0.00} s, {(_posts.Count - 1) / Math.Max(span, 1e-9):0.00} posts/s achieved");
        Row(output, "send lag behind schedule", Summary(_posts.Select(p => p.SentAt - p.DueAt)));
        Row(output, "intake throughput (accepted/s)", $"{_posts.Count(p => p.Accepted) / Math.Max((lastAnswer - first).TotalSeconds, 1e-9):0.0} (first post to last answer)");
        Row(output, "POST statuses", $"202: {_posts.Count(p => p.Status == 202)}, 200: {_posts.Count(p => p.Status == 200)}, other: {_posts.Count(p => p.Status is not (0 or 200 or 202))}, no answer: {_posts.Count(p => p.Status == 0)}");
        // Of an application's posts exactly one is answered 202, whichever the server handled first; all get one id.
        var resent = _posts.Where(p => p.Post.IsResend).Select(p => p.Post.Application.Index).ToHashSet();
        var resentOnce = Applications.Count(a => resent.Contains(a.Application.Index) && a.ApplicationIds.Count == 1
            && _posts.Count(p => p.Post.Application.Index == a.Application.Index && p.Status == 202) == 1);
        Row(output, "re-sent applications: one 202, one id", $"{resentOnce}/{resent.Count} ({resends.Count(p => p.Status == 202)} re-sends overtook their first post)");
        Row(output, "POST latency", Summary(_posts.Select(p => p.Latency), withP95: false));

        Heading(output, "Acknowledgments (sendMail time from the sandbox's log; same machine clock)");
        Row(output, "POST -> sendMail", Summary(latencies));
        if (accepted.Any(a => a.State is not null))
        {
            var read = accepted.Where(a => a.State is not null).ToList();
            Row(output, "  POST -> received (receivedAt)", Summary(read.Select(a => a.State!.ReceivedAt - a.FirstPostAt)));
            Row(output, "  received -> sendMail", Summary(read.Where(a => a.Emails.Count > 0).Select(a => a.Emails[0] - a.State!.ReceivedAt)));
        }

        if (emails.Count > 1) Row(output, "emails sent", $"{emails.Count} over {(emails[^1] - emails[0]).TotalSeconds:0.00} s, {(emails.Count - 1) / Math.Max((emails[^1] - emails[0]).TotalSeconds, 1e-9):0.0}/s");
        if (_allAcknowledgedAfter is { } after) Row(output, "all acknowledged", $"{after.TotalSeconds:0.00} s after the last post");
        Row(output, "applications with exactly one email", $"{accepted.Count(a => a.Emails.Count == 1)}/{accepted.Count}");
        Row(output, "duplicates (>1 email)", $"{Duplicates}");
        Row(output, "losses (no email after the wait)", $"{Losses}");
        Row(output, "split (re-send got another id)", $"{SplitApplications}");
        Row(output, "not accepted (no 2xx post)", $"{NotAccepted}");
        if (accepted.Any(a => a.State is not null))
        {
            var read = accepted.Where(a => a.State is not null).ToList();
            Row(output, "acknowledgment status (API)", $"{string.Join(", ", read.GroupBy(a => a.State!.AcknowledgmentStatus).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"))}; unreadable: {accepted.Count - read.Count}");
            Row(output, "send attempts per application", string.Join(", ", read.GroupBy(a => a.State!.Attempts).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        }

        var sends = _graphRequests.Where(r => r.Path.EndsWith("/send", StringComparison.OrdinalIgnoreCase)).ToList();
        var drafts = _graphRequests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.OrdinalIgnoreCase)).ToList();
        Row(output, "sandbox draft creations", $"{drafts.Count} ({Statuses(drafts)})");
        Row(output, "sandbox sends", $"{sends.Count} ({Statuses(sends)}), handled in {Summary(sends.Select(r => TimeSpan.FromMilliseconds(r.DurationMilliseconds)), withP95: false)}");
        Row(output, "other Graph calls", $"{_graphRequests.Count - sends.Count - drafts.Count} ({string.Join(", ", _graphRequests.Except(sends).Except(drafts).GroupBy(r => r.Method + " " + ShortPath(r.Path)).Select(g => $"{g.Key}: {g.Count()}"))})");
        Row(output, "Graph 429s (throttled by Exchange)", $"{_graphRequests.Count(r => r.Status == 429)}");

        if (emails.Count > 1)
        {
            // Drain: how fast the pool sent, against what Exchange allows it (messages a minute per mailbox).
            var minutes = (emails[^1] - emails[0]).TotalMinutes;
            var rate = (emails.Count - 1) / Math.Max(minutes, 1e-9);
            var poolLimit = _options.PerMinute * _options.Mailboxes.Count;
            Heading(output, $"Drain with pacing {(_options.PerMinute == 0 ? "off" : "on")}: {_options.Mailboxes.Count} mailbox(es)");
            Row(output, "drain rate", poolLimit > 0 ? Invariant($"{rate:0.0}/min against a pool limit of {poolLimit}/min ({rate / poolLimit:P0})") : Invariant($"{rate:0.0}/min"));
            foreach (var mailbox in sends.Where(r => r.Status == 202).GroupBy(r => r.Path.Split('/')[3], StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Row(output, "  sends accepted from " + mailbox.Key, Invariant($"{mailbox.Count()}"));
            }
        }

        Heading(output, "POST -> sendMail by when the application was first posted");
        output.WriteLine("  window (s)    posts   p50 (ms)   p99 (ms)   max (ms)   emails missing");
        var width = TimeSpan.FromSeconds(Math.Max(5, Math.Ceiling(span / 10 / 5) * 5));
        foreach (var window in accepted.GroupBy(a => (int)((a.FirstPostAt - first) / width)).OrderBy(g => g.Key))
        {
            var values = window.Where(a => a.PostToSendMail is not null).Select(a => a.PostToSendMail!.Value).Order().ToList();
            var from = window.Key * width.TotalSeconds;
            output.WriteLine(Invariant($"  {from,4:0}-{from + width.TotalSeconds,-6:0}  {window.Count(),6}   {Ms(Percentile(values, 0.50)),8}   {Ms(Percentile(values, 0.99)),8}   {Ms(values.Count > 0 ? values[^1] : null),8}   {window.Count() - values.Count,6}"));
        }

        var p99 = Percentile([.. latencies.Order()], 0.99);
        var limit = _options.PerMinute * _options.Mailboxes.Count;
        if (limit == 0 || _options.Rate * 60 <= limit)
        {
            var met = p99 is { } value && value < TimeSpan.FromSeconds(2) && Duplicates == 0 && Losses == 0;
            Heading(output, $"Target below the pool's limit (p99 POST -> send < 2 s, 0 duplicates, 0 lost): {(met ? "met" : "MISSED")} at {_options.Rate}/s; exit code {ExitCode}");
        }
        else
        {
            // Above the limit the backlog waits its turn: what counts is draining at the limit, exactly once.
            var drained = emails.Count > 1 ? (emails.Count - 1) / Math.Max((emails[^1] - emails[0]).TotalMinutes, 1e-9) / limit : 0;
            var met = drained >= 0.8 && Duplicates == 0 && Losses == 0;
            Heading(output, Invariant($"Target above the pool's limit (drain >= 80% of {limit}/min, 0 duplicates, 0 lost): {(met ? "met" : "MISSED")} at {drained:P0}; exit code {ExitCode}"));
        }
        foreach (var failed in _posts.Where(p => !p.Accepted).Take(5)) output.WriteLine($"  failed post {failed.Post.Application.ExternalId}: {failed.Status} {failed.Error}");
    }

    /// <summary>One CSV row per application: for plotting or looking into a slow one.</summary>
    public void WriteCsv(string path)
    {
        var csv = new StringBuilder("externalId,applicationId,firstPostAt,receivedAt,firstEmailAt,emails,postToSendMailMs,acknowledgmentStatus,attempts\n");
        foreach (var a in Applications)
        {
            csv.Append(Invariant($"{a.Application.ExternalId},{(a.ApplicationIds.Count > 0 ? a.ApplicationIds[0] : null)},{a.FirstPostAt:O},{a.State?.ReceivedAt:O},{(a.Emails.Count > 0 ? a.Emails[0] : null):O},{a.Emails.Count},{a.PostToSendMail?.TotalMilliseconds:0.0},{a.State?.AcknowledgmentStatus},{a.State?.Attempts}\n"));
        }

        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Summary(IEnumerable<TimeSpan> values, bool withP95 = true)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return "none";
        var p95 = withP95 ? Invariant($" p95 {Ms(Percentile(sorted, 0.95))}") : "";
        return Invariant($"p50 {Ms(Percentile(sorted, 0.50))}{p95} p99 {Ms(Percentile(sorted, 0.99))} max {Ms(sorted[^1])} ms (n={sorted.Count})");
    }

    private static string Statuses(IEnumerable<GraphRequest> requests) =>
        string.Join(", ", requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));

    private static string ShortPath(string path) => path.Contains("/mailFolders/", StringComparison.OrdinalIgnoreCase) ? "…/mailFolders/…/messages" : path;

    private static string Ms(TimeSpan? value) => value is { } v ? ((long)Math.Round(v.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Heading(TextWriter output, string text) => output.WriteLine(text);

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"  {label,-36} {value}");
}
