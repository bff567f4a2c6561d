using System.Globalization;
using System.Net;
using System.Text;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// Keeps an application's one debrief right after its last scheduled interview: creates it after the first
/// booking, moves it (and adds people) when interviews move or are added, cancels it when every interview is
/// cancelled. Calling it again with nothing changed changes nothing, so duplicate triggers are harmless.
/// </summary>
public sealed class DebriefScheduler(
    IApplicationStore applications,
    IInterviewStore interviews,
    IDebriefStore debriefs,
    ICalendarBooker calendar,
    IFreeBusyDirectory directory,
    IEventIndex index,
    DebriefOptions options,
    SchedulingOptions scheduling,
    TimeProvider time)
{
    /// <summary>The grid the debrief moves on when the team is not free right after.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>A calendar update not confirmed after this long was abandoned; the next worker redoes it.</summary>
    public static readonly TimeSpan PendingTimeout = TimeSpan.FromMinutes(1);

    public async Task<DebriefChange> AlignAsync(string applicationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var application = await applications.FindAsync(applicationId, cancellationToken);
            // Erasure cancels the debrief itself; nothing may move or re-create it meanwhile.
            if (application is null || application.IsErased) return DebriefChange.None;
            var scheduled = (await interviews.ListAsync(applicationId, cancellationToken)).Where(i => i.Status == InterviewStatus.Scheduled).ToList();
            var current = await debriefs.FindAsync(applicationId, cancellationToken);
            var outcome = await AlignAsync(application, scheduled, current, cancellationToken);
            if (outcome is { } done) return done;
        }

        throw new InvalidOperationException($"The debrief of application {applicationId} kept changing under us.");
    }

    /// <returns>The change made, or null when another writer got there first (read again and retry).</returns>
    /// <remarks>
    /// Every calendar change is claimed in storage first (an ETag-guarded write marked pending), then made, then
    /// confirmed. So two workers with the same trigger never both update the event (attendees would get two
    /// update emails), and a worker that stopped between claim and confirm is redone after <see cref="PendingTimeout"/>.
    /// </remarks>
    private async Task<DebriefChange?> AlignAsync(JobApplication application, List<Interview> scheduled, Debrief? current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Someone deleted the debrief in Outlook: that was a decision, not a failure to repair.
        if (current is { Status: DebriefStatus.Removed }) return DebriefChange.None;
        var abandoned = current?.PendingSince is { } since && now - since >= PendingTimeout;
        if (current?.PendingSince is not null && !abandoned) return DebriefChange.None; // another worker is at it

        var live = current is { Status: DebriefStatus.Scheduled } ? current : null;
        if (scheduled.Count == 0)
        {
            if (current is null || (live is null && !abandoned)) return DebriefChange.None;
            var cancelling = await debriefs.TrySaveAsync(current with { Status = DebriefStatus.Cancelled, PendingSince = now }, cancellationToken);
            if (cancelling is null) return null;
            await calendar.CancelAsync(scheduling.OrganizerMailbox, current.EventId, "Every interview with this candidate was cancelled, so the debrief is too.", cancellationToken);
            await debriefs.TrySaveAsync(cancelling with { PendingSince = null }, cancellationToken);
            return DebriefChange.Cancelled;
        }

        if (live is not null && await calendar.FindAsync(scheduling.OrganizerMailbox, live.EventId, cancellationToken) is null or { IsCancelled: true })
        {
            return await debriefs.TrySaveAsync(live with { Status = DebriefStatus.Removed, PendingSince = null }, cancellationToken) is null ? null : DebriefChange.Removed;
        }

        var lastEnd = scheduled.Max(i => i.Time.End);
        var team = TeamOf(Sessions(scheduled), application.RecruiterEmail ?? options.RecruiterMailbox);
        if (live is not null && !abandoned && live.AfterInterviewsEnd == lastEnd && live.Team.SequenceEqual(team, StringComparer.OrdinalIgnoreCase))
        {
            return DebriefChange.None;
        }

        var (slot, conflicts) = await PlaceAsync(team, lastEnd + TimeSpan.FromMinutes(options.GapMinutes), live, cancellationToken);
        var generation = live?.Generation ?? (current?.Generation ?? 0) + 1;
        var attendees = team.Select(e => new EventAttendee(e)).ToList();
        if (live is null)
        {
            var draft = Draft(application, Sessions(scheduled), slot, team, $"debrief-{application.Id}-{generation}");
            // A new event: Graph's transactionId makes a repeated create return the same event.
            var created = await calendar.CreateAsync(scheduling.OrganizerMailbox, draft, cancellationToken);
            await index.AddAsync(created.EventId, application.Id, cancellationToken);
            var added = new Debrief(application.Id, created.EventId, created.JoinUrl, slot, lastEnd, team, conflicts, DebriefStatus.Scheduled, generation, current?.Version);
            return await debriefs.TrySaveAsync(added, cancellationToken) is null ? null : DebriefChange.Created;
        }

        var claimed = await debriefs.TrySaveAsync(
            live with { Time = slot, AfterInterviewsEnd = lastEnd, Team = team, Conflicts = conflicts, Status = DebriefStatus.Scheduled, PendingSince = now },
            cancellationToken);
        if (claimed is null) return null;
        var moved = await calendar.MoveAsync(scheduling.OrganizerMailbox, live.EventId, slot, attendees, cancellationToken);
        await debriefs.TrySaveAsync(claimed with { JoinUrl = moved.JoinUrl ?? live.JoinUrl, PendingSince = null }, cancellationToken);
        return DebriefChange.Moved;
    }

    /// <summary>The debrief's event: for the team, with the interviews listed and no candidate.</summary>
    public static CalendarEventDraft Draft(JobApplication application, IEnumerable<PlannedSession> sessions, TimeRange slot, IReadOnlyList<string> team, string transactionId)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(team);
        return new CalendarEventDraft(
            $"Debrief: {application.Candidate.Name} — {application.Role.Title}",
            Body(application, sessions),
            slot,
            [.. team.Select(e => new EventAttendee(e))],
            transactionId);
    }

    /// <summary>Every interviewer of the sessions, then the recruiter; once each, in order.</summary>
    public static IReadOnlyList<string> TeamOf(IEnumerable<PlannedSession> sessions, string? recruiter)
    {
        var team = sessions.OrderBy(i => i.Time.Start).SelectMany(i => i.Interviewers).Select(a => a.Email).ToList();
        if (!string.IsNullOrWhiteSpace(recruiter)) team.Add(recruiter);
        return [.. team.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<PlannedSession> Sessions(IEnumerable<Interview> scheduled) =>
        scheduled.Select(i => new PlannedSession(i.Title, i.Time, i.Attendees));

    /// <summary>
    /// Right after, when the whole team is free then; otherwise the first time in the next
    /// <see cref="DebriefOptions.SearchHours"/> hours when they are (inside everyone's working hours, so the same
    /// working day); otherwise right after anyway, naming who is not free.
    /// </summary>
    private async Task<(TimeRange Time, IReadOnlyList<string> Conflicts)> PlaceAsync(IReadOnlyList<string> team, DateTimeOffset start, Debrief? current, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromMinutes(options.DurationMinutes);
        var searchEnd = start + TimeSpan.FromHours(options.SearchHours) + duration;
        var schedules = await directory.GetSchedulesAsync(scheduling.OrganizerMailbox, team, new TimeRange(start, searchEnd), cancellationToken);
        var people = team
            .Where(e => schedules.TryGetValue(e, out var s) && s.Error is null)
            .Select(e => schedules[e])
            // The debrief being moved occupies its own old time in everyone's calendar: that is not a conflict.
            .Select(s => new Interviewer(s.Email, [.. s.Busy.Where(b => current is null || b.Time != current.Time)], s.WorkingHours))
            .ToList();

        var right = new TimeRange(start, start + duration);
        for (var at = start; at + duration <= searchEnd; at += Step)
        {
            var candidate = new TimeRange(at, at + duration);
            if (AvailabilityEngine.IsTeamFree(people, candidate)) return (candidate, []);
        }

        return (right, AvailabilityEngine.TeamConflicts(people, right));
    }

    /// <summary>The debrief's body: the interviews (who, when) and a request to write notes first. Encoded.</summary>
    private static string Body(JobApplication application, IEnumerable<PlannedSession> scheduled)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Debrief for <strong>{WebUtility.HtmlEncode(application.Candidate.Name)}</strong>, {WebUtility.HtmlEncode(application.Role.Title)}.</p>");
        html.Append("<p>Please write your interview notes before the debrief, so that we decide on evidence, not on the loudest memory.</p><ul>");
        foreach (var interview in scheduled.OrderBy(i => i.Time.Start))
        {
            var who = string.Join(", ", interview.Interviewers.Select(a => WebUtility.HtmlEncode(a.Email)));
            html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(interview.Title)}: {interview.Time.Start:yyyy-MM-dd HH:mm}–{interview.Time.End:HH:mm} UTC with {who}</li>");
        }

        html.Append("</ul>");
        return html.ToString();
    }
}

/// <summary>What aligning the debrief did.</summary>
public enum DebriefChange
{
    None,
    Created,
    Moved,
    Cancelled,

    /// <summary>A person removed it; recorded, and left alone from now on.</summary>
    Removed,
}
