using System.Globalization;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Requests;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>The figures of one flow run and its invariants, each counted; any violation fails the run.</summary>
internal sealed class FlowReport
{
    private readonly FlowOptions _options;
    private readonly IReadOnlyList<FlowApplication> _applications;
    private readonly IReadOnlyList<FlowPostOutcome> _outcomes;
    private readonly IReadOnlyDictionary<string, List<DateTimeOffset>> _mail;
    private readonly IReadOnlyList<FlowBooking> _bookings;
    private readonly IReadOnlyDictionary<string, FlowBooking> _tags;
    private readonly IReadOnlyList<OutlookChange> _changes;
    private readonly OrganizerCalendar _calendar;
    private readonly IReadOnlyDictionary<string, ApplicationFlowState?> _views;
    private readonly IReadOnlyList<PoisonMessage> _poison;
    private readonly IReadOnlyList<RequestLogEntry> _requests;
    private readonly IReadOnlyList<ChaosEvent> _chaos;
    private readonly List<string> _problems = [];

    public FlowReport(
        FlowOptions options,
        IReadOnlyList<FlowApplication> applications,
        IReadOnlyList<FlowPostOutcome> outcomes,
        IReadOnlyDictionary<string, List<DateTimeOffset>> mail,
        IReadOnlyList<FlowBooking> bookings,
        IReadOnlyDictionary<string, FlowBooking> tags,
        IReadOnlyList<OutlookChange> changes,
        OrganizerCalendar calendar,
        IReadOnlyDictionary<string, ApplicationFlowState?> views,
        IReadOnlyList<PoisonMessage> poison,
        IReadOnlyList<RequestLogEntry> requests,
        IReadOnlyList<ChaosEvent> chaos)
    {
        _options = options;
        _applications = applications;
        _outcomes = outcomes;
        _mail = mail;
        _bookings = bookings;
        _tags = tags;
        _changes = changes;
        _calendar = calendar;
        _views = views;
        _poison = poison;
        _requests = requests;
        _chaos = chaos;
    }

    public (DateTimeOffset Start, DateTimeOffset End) IntakeSpan { get; init; }

    public (DateTimeOffset Start, DateTimeOffset End) BookingSpan { get; init; }

    public bool Settled { get; init; }

    public int Violations { get; private set; }

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Violations = 0;
        _problems.Clear();

        // Acknowledgments: one email per accepted application, whatever the re-sends, kills and faults.
        var byApplication = _outcomes.ToLookup(o => o.Post.Application.Index);
        var fates = _applications.Select(a =>
        {
            var own = byApplication[a.Index].ToList();
            var ids = own.Where(o => o.Accepted).Select(o => o.ApplicationId!).Distinct(StringComparer.Ordinal).ToList();
            var emails = _mail.TryGetValue(a.Email, out var times) ? times.Order().ToList() : [];
            return (Application: a, FirstPost: own.Min(o => o.FirstSentAt), Ids: ids, Emails: emails);
        }).ToList();
        var accepted = fates.Where(f => f.Ids.Count > 0).ToList();
        var once = accepted.Count(f => f.Emails.Count == 1);
        var duplicates = fates.Count(f => f.Emails.Count > 1);
        // Not sent yet but owed: the app holds it as sending with its next try scheduled (its backoff under the
        // faults). Not lost, not a violation, but counted: the wait was shorter than the backoff's tail.
        bool Retrying(string id) => _views.GetValueOrDefault(id) is { AcknowledgmentStatus: "sending", NextAttemptAt: not null };
        var retrying = accepted.Where(f => f.Emails.Count == 0 && Retrying(f.Ids[0])).ToList();
        var lost = accepted.Count(f => f.Emails.Count == 0) - retrying.Count;
        var notAccepted = fates.Count(f => f.Ids.Count == 0);
        var splits = fates.Count(f => f.Ids.Count > 1);

        Heading(output, $"Intake: {_applications.Count} applications ({_applications.Count(a => a.ViaGreenhouse)} through Greenhouse) + {_outcomes.Count(o => o.Post.IsResend)} re-sends = {_outcomes.Count} posts in {_options.Bursts} bursts");
        var intakeSeconds = (IntakeSpan.End - IntakeSpan.Start).TotalSeconds;
        Row(output, "posting span, accepted posts/s", Invariant($"{intakeSeconds:0.0} s, {_outcomes.Count(o => o.Accepted) / Math.Max(intakeSeconds, 1e-9):0.0}/s (retries included)"));
        Row(output, "final statuses", string.Join(", ", _outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}")));
        Row(output, "posts that needed retries", Invariant($"{_outcomes.Count(o => o.Attempts > 1)} (max {_outcomes.Max(o => o.Attempts)} tries); POST p50/p99 to acceptance {Summary(_outcomes.Where(o => o.Accepted).Select(o => o.AcceptedAt!.Value - o.FirstSentAt))}"));

        Heading(output, "Moment: acknowledge (first POST -> sendMail accepted by the sandbox)");
        Row(output, "latency", Summary(accepted.Where(f => f.Emails.Count > 0).Select(f => f.Emails[0] - f.FirstPost)));
        var emails = fates.SelectMany(f => f.Emails).Order().ToList();
        if (emails.Count > 1) Row(output, "throughput", Invariant($"{emails.Count} emails over {(emails[^1] - emails[0]).TotalSeconds:0} s = {(emails.Count - 1) / Math.Max((emails[^1] - emails[0]).TotalMinutes, 1e-9):0}/min"));
        Check(output, "applications acknowledged exactly once (or retrying)", once + retrying.Count, accepted.Count);
        Violation(output, "  duplicates (more than one email)", duplicates);
        Row(output, "  not sent yet, retry scheduled (the backoff's tail)", Invariant($"{retrying.Count}{(retrying.Count > 0 ? $": attempts {string.Join(", ", retrying.Select(f => Attempts(_views[f.Ids[0]]!)).Order())}, next tries by +{retrying.Max(f => (_views[f.Ids[0]]!.NextAttemptAt!.Value - DateTimeOffset.UtcNow).TotalSeconds):0} s" : "")}"));
        Violation(output, "  lost (accepted, no email, no retry scheduled)", lost, accepted.Where(f => f.Emails.Count == 0 && !Retrying(f.Ids[0])).Select(f => $"{f.Ids[0]}: acknowledgment {(_views.GetValueOrDefault(f.Ids[0]) is { } v ? v.Acknowledgment : "unreadable")}, first posted at +{(f.FirstPost - IntakeSpan.Start).TotalSeconds:0.0} s"));
        Violation(output, "  not accepted after every retry", notAccepted);
        Violation(output, "  split (a re-send answered with another id)", splits);

        // Bookings.
        var booked = _bookings.Where(b => b.Booked).ToList();
        Heading(output, $"Moment: book ({_bookings.Count} panels of {_options.MinPanel}-{_options.MaxPanel}, {_bookings.Count(b => b.Sessions == 2)} in two sessions; request -> 201, retries with the same Idempotency-Key included)");
        Row(output, "latency", Summary(booked.Select(b => b.BookedAt!.Value - b.RequestedAt)));
        var bookingMinutes = (BookingSpan.End - BookingSpan.Start).TotalMinutes;
        Row(output, "throughput", Invariant($"{booked.Count} booked in {bookingMinutes * 60:0} s = {booked.Count / Math.Max(bookingMinutes, 1e-9):0.0}/min (4 at a time); {booked.Sum(b => b.PanelSize)} invitations"));
        Row(output, "tries per booking", string.Join(", ", _bookings.GroupBy(b => b.Attempts).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        var unbooked = _bookings.Where(b => !b.Booked).ToList();
        Row(output, "not booked: no time for the panel (409)", Invariant($"{unbooked.Count(b => b.Status == 409)}"));
        Violation(output, "  not booked: gave up on a fault (no answer or 5xx)", unbooked.Count(b => b.Status is 0 or >= 500), unbooked.Where(b => b.Status is 0 or >= 500).Select(b => $"{b.ApplicationId}: {b.Status} {b.Error}"));
        Violation(output, "  not booked: refused (other 4xx)", unbooked.Count(b => b.Status is > 0 and < 500 and not 409), unbooked.Where(b => b.Status is > 0 and < 500 and not 409).Select(b => $"{b.ApplicationId}: {b.Status} {b.Error}"));

        // Outlook changes.
        var done = _changes.Where(c => c.DoneAt is not null).ToList();
        Heading(output, $"Moment: debrief follows a change in Outlook ({done.Count(c => !c.IsCancel)} moves of a week, {done.Count(c => c.IsCancel)} cancels; change accepted by Graph -> debrief and invites match the calendar)");
        Row(output, "latency", Summary(done.Where(c => c.FollowedAt is not null).Select(c => c.FollowedAt!.Value - c.DoneAt!.Value)));
        Row(output, "changes Graph did not take within 2 min (the suite's own requests)", Invariant($"{_changes.Count - done.Count}"));
        Violation(output, "  changes never followed", done.Count(c => c.FollowedAt is null), done.Where(c => c.FollowedAt is null).Select(c => $"{c.Booking.ApplicationId} {(c.IsCancel ? "cancel" : "move")}: {BookingCheck.Of(c.Booking, _calendar).Problem ?? "debrief not changed since"}"));

        // Calendar invariants.
        Heading(output, "Invariants on the sandbox's calendars and the app's records");
        var checks = booked.Select(b => (Booking: b, Check: BookingCheck.Of(b, _calendar))).ToList();
        Check(output, "bookings that are one consistent set of events", checks.Count(c => c.Check.Consistent), checks.Count, checks.Where(c => !c.Check.Consistent).Select(c => $"{c.Booking.ApplicationId}: {c.Check.Problem}"));
        var orphans = Orphans(checks);
        Violation(output, "orphan events (tagged by no recorded booking, or not one of its set)", orphans.Count, orphans);
        var disagreements = checks.Select(c => (c.Booking, Problem: Disagreement(c.Booking, c.Check))).Where(d => d.Problem is not null).ToList();
        Check(output, "applications whose API view matches the calendar", checks.Count - disagreements.Count, checks.Count, disagreements.Select(d => $"{d.Booking.ApplicationId}: {d.Problem}"));
        var withDebrief = checks.Where(c => c.Check.Consistent && c.Check.Debrief is not null).ToList();
        Row(output, "debriefs right after the last interview", Invariant($"{withDebrief.Count(c => c.Check.RightAfter)}/{withDebrief.Count}; the rest at the team's first free time within {BookingCheck.SearchWindow.TotalHours:0} h: {withDebrief.Count(c => !c.Check.RightAfter)}"));
        Row(output, "debriefs with a Teams join link", Invariant($"{withDebrief.Count(c => !string.IsNullOrEmpty(c.Check.Debrief!.JoinUrl))}/{withDebrief.Count}"));
        Row(output, "bookings with every interview cancelled (no debrief)", Invariant($"{checks.Count(c => c.Check.Consistent && c.Check.Interviews.Count == 0)}"));

        var explained = _poison.Select(m => (Message: m, Why: Explain(m, fates.ToDictionary(f => f.Ids.FirstOrDefault() ?? f.Application.ExternalId, f => f.Emails.Count == 1, StringComparer.Ordinal), checks))).ToList();
        Row(output, "poison messages", Invariant($"{_poison.Count} ({string.Join(", ", _poison.GroupBy(p => p.Queue).Select(g => $"{g.Key}: {g.Count()}"))})"));
        foreach (var (message, why) in explained.Where(e => e.Why is not null)) output.WriteLine($"    explained: {message.Queue} {Short(message.Text)}: {why}");
        Violation(output, "  poison messages not explained", explained.Count(e => e.Why is null), explained.Where(e => e.Why is null).Select(e => $"{e.Message.Queue}: {Short(e.Message.Text)}"));

        Heading(output, "Graph requests the sandbox answered during the run");
        Row(output, "requests", Invariant($"{_requests.Count} ({_requests.Count(r => r.InBatch)} inside $batch)"));
        Row(output, "statuses", string.Join(", ", _requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Row(output, "by route", string.Join(", ", _requests.GroupBy(r => r.Method + " " + Route(r.Path)).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key}: {g.Count()}")));
        Heading(output, "Chaos");
        foreach (var chaos in _chaos.OrderBy(c => c.At)) Row(output, chaos.What, Invariant($"at +{(chaos.At - IntakeSpan.Start).TotalSeconds:0} s, back after {chaos.Downtime.TotalSeconds:0.0} s"));
        if (_chaos.Count == 0) Row(output, "none", "");

        output.WriteLine();
        // Whatever had not settled shows above: as a violation, or as an acknowledgment still owed with its retry due.
        output.WriteLine(Violations == 0
            ? $"FLOW PASSED: every invariant held{(Settled ? "" : $" ({retrying.Count} acknowledgments still retrying at the end of the wait)")}."
            : $"FLOW FAILED: {Violations} violation(s){(Settled ? "" : "; the flow did not settle within the wait")}.");
    }

    private static string Attempts(ApplicationFlowState state)
    {
        using var json = System.Text.Json.JsonDocument.Parse(state.Acknowledgment);
        return json.RootElement.GetProperty("attempts").GetInt32().ToString(CultureInfo.InvariantCulture);
    }

    private List<string> Orphans(IReadOnlyList<(FlowBooking Booking, BookingCheck Check)> checks)
    {
        var sets = checks.ToDictionary(c => c.Booking, c =>
        {
            var ids = c.Check.Interviews.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            ids.UnionWith(_calendar.InvitesOf(c.Booking.Application.Email).Select(e => e.Id));
            if (c.Check.Debrief is { } debrief) ids.Add(debrief.Id);
            return ids;
        });
        var orphans = new List<string>();
        foreach (var item in _calendar.Live)
        {
            if (OrganizerCalendar.Tag(item) is not { } tag) continue;
            if (!_tags.TryGetValue(tag, out var booking)) orphans.Add($"{item.Id} '{item.Subject}' tagged {tag}: no booking recorded it");
            else if (!sets.TryGetValue(booking, out var set) || !set.Contains(item.Id)) orphans.Add($"{item.Id} '{item.Subject}' of {booking.ApplicationId}: not one of its set");
        }

        // Debriefs are made untagged when reconciliation places them: one of a candidate nobody booked is an orphan.
        var bookedNames = checks.Select(c => c.Booking.Application.CandidateName).ToHashSet(StringComparer.Ordinal);
        var prefix = _applications.Count > 0 ? _applications[0].CandidateName.Split(' ')[0] : "";
        foreach (var item in _calendar.Live.Where(e => e.Subject.StartsWith($"Debrief: {prefix} ", StringComparison.Ordinal)))
        {
            if (!bookedNames.Any(n => item.Subject.StartsWith($"Debrief: {n} ", StringComparison.Ordinal))) orphans.Add($"{item.Id} '{item.Subject}': a debrief of no booked candidate");
        }

        return orphans;
    }

    /// <summary>Where the app's view of a booking differs from the calendar, or null when it agrees.</summary>
    private string? Disagreement(FlowBooking booking, BookingCheck check)
    {
        if (!_views.TryGetValue(booking.ApplicationId, out var view) || view is null) return "not readable from the API";
        var scheduled = view.Interviews.Where(i => i.Status == "scheduled").ToList();
        var live = check.Interviews.ToDictionary(e => e.Id, StringComparer.Ordinal);
        if (scheduled.Count != live.Count || scheduled.Any(i => !live.TryGetValue(i.EventId, out var e) || e.Start != i.Start || e.End != i.End))
        {
            return $"API shows {scheduled.Count} scheduled interviews, the calendar {live.Count} (or other times)";
        }

        if (check.Debrief is { } debrief)
        {
            if (view.Debrief is not { Status: "scheduled" } shown) return "API shows no scheduled debrief";
            if (shown.EventId != debrief.Id || shown.Start != debrief.Start) return $"API's debrief {shown.Start:O} is not the calendar's {debrief.Start:O}";
            if (string.IsNullOrEmpty(shown.JoinUrl)) return "API's debrief has no join link";
        }
        else if (live.Count == 0 && view.Debrief is { Status: "scheduled" })
        {
            return "API shows a scheduled debrief after every interview was cancelled";
        }

        return null;
    }

    /// <summary>Why a poison message did no harm (its application ended as it should), or null.</summary>
    private static string? Explain(PoisonMessage message, IReadOnlyDictionary<string, bool> acknowledgedOnce, IReadOnlyList<(FlowBooking Booking, BookingCheck Check)> checks)
    {
        var application = acknowledgedOnce.Keys.FirstOrDefault(id => message.Text.Contains(id, StringComparison.Ordinal));
        if (message.Queue.StartsWith("acknowledgments", StringComparison.Ordinal) && application is not null && acknowledgedOnce[application])
        {
            return "its application was acknowledged exactly once all the same (a later retry or the sweep)";
        }

        var booking = checks.FirstOrDefault(c => c.Booking.Interviews.Any(i => message.Text.Contains(i.EventId, StringComparison.Ordinal)) || message.Text.Contains(c.Booking.ApplicationId, StringComparison.Ordinal));
        if (booking.Booking is not null && booking.Check.Consistent) return "its booking's events ended consistent all the same (reconciliation)";
        return null;
    }

    private void Check(TextWriter output, string label, int good, int of, IEnumerable<string>? failures = null)
    {
        Row(output, label, Invariant($"{good}/{of}{(good == of ? "" : "  <-- VIOLATION")}"));
        Violations += of - good;
        foreach (var failure in (failures ?? []).Take(10)) output.WriteLine($"    {failure}");
    }

    private void Violation(TextWriter output, string label, int count, IEnumerable<string>? examples = null)
    {
        Row(output, label, Invariant($"{count}{(count == 0 ? "" : "  <-- VIOLATION")}"));
        Violations += count;
        foreach (var example in (examples ?? []).Take(10)) output.WriteLine($"    {example}");
    }

    private static string Route(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // /v1.0/users/{id}/events/{id}/cancel -> users/*/events/*/cancel
        return string.Join('/', segments.Skip(1).Select((s, i) => i % 2 == 1 ? "*" : s));
    }

    private static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;

    /// <summary>p50, p99 and max of the values, in ms (s above 10 s).</summary>
    private static string Summary(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return "none";
        return $"p50 {Time(Percentile(sorted, 0.50))} p99 {Time(Percentile(sorted, 0.99))} max {Time(sorted[^1])} (n={sorted.Count})";
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Time(TimeSpan value) => value < TimeSpan.FromSeconds(10)
        ? Invariant($"{value.TotalMilliseconds:0} ms")
        : Invariant($"{value.TotalSeconds:0.0} s");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static void Heading(TextWriter output, string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"  {label,-58} {value}");
}
