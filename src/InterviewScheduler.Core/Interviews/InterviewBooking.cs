using System.Security.Cryptography;
using System.Text;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Debriefs;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// Books a panel or loop for an application: one Teams meeting per session in the organizer mailbox with the
/// interviewers and the interview guide, the candidate's own invite at the same time with the same join link and a
/// candidate-facing body (so the candidate never sees the guide or the interviewers' addresses), and the debrief
/// right after when the whole team is free then.
/// </summary>
/// <remarks>
/// <para>
/// Round trips: one free/busy read (the panel and the debrief team together), one write for every session's meeting
/// and the debrief, one write for the candidate's invites (they carry the meetings' join links, known only once the
/// meetings exist). A start the client saw earlier is read again first; the best option of a read made now is not.
/// </para>
/// <para>
/// Nothing orphaned: one booking per application at a time holds the application's claim (an ETag-guarded write;
/// another gets <see cref="BookingOutcome.Busy"/>). The <see cref="BookingPlan"/> is recorded in the claim before
/// the first event is made, and every event carries the plan's id as an extended property. The claim is checked
/// (and renewed) before each write. A booking that fails withdraws what its plan made, found by that property so
/// that answers lost on the way count too, and frees the application; one that stopped (a crash) is resumed by the
/// same Idempotency-Key, which books the recorded plan and keeps the events already made, or, after
/// <see cref="AbandonedAfter"/>, taken over by another booking, which withdraws the abandoned plan's events first.
/// </para>
/// </remarks>
public sealed class InterviewBooking(
    IApplicationStore applications,
    IInterviewStore interviews,
    IDebriefStore debriefs,
    ICalendarBooker calendar,
    InterviewPlanner planner,
    InterviewGuide guide,
    CandidateInvite candidateInvite,
    IEventIndex eventIndex,
    SchedulingOptions options,
    TimeProvider time)
{
    /// <summary>A claim not renewed for this long belongs to a booking that stopped; another may take over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private const string WithdrawnComment = "This invitation is withdrawn; we will send a new one.";

    public async Task<BookingResult> BookAsync(string applicationId, PanelRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await applications.FindAsync(applicationId, cancellationToken);
        // An erased candidate is not booked: as far as booking goes, the application is gone.
        if (application is null || application.IsErased) return BookingResult.Of(BookingOutcome.UnknownApplication);

        var bookingId = idempotencyKey is null ? Guid.CreateVersion7(time.GetUtcNow()).ToString("N") : BookingIdFor(applicationId, idempotencyKey);
        var booked = (await interviews.ListAsync(applicationId, cancellationToken)).Where(i => i.BookingId == bookingId).ToList();
        if (booked.Count > 0) return BookingResult.Done(BookingOutcome.Replayed, booked);

        var (claimed, abandoned) = await ClaimAsync(application, bookingId, cancellationToken);
        if (claimed is null) return BookingResult.Of(BookingOutcome.Busy);

        // The booking that held the claim stopped part-way: its events go before this one reads free/busy.
        if (abandoned is not null) await WithdrawAsync(abandoned, cancellationToken);

        var plan = claimed.Booking!.Plan;
        var resuming = plan is not null;
        if (plan is null)
        {
            var decision = await ChooseAsync(claimed, request, cancellationToken);
            if (decision.Option is null)
            {
                // Unknown interviewers are bad input, which leaves no trace: the timeline keeps the request before this one.
                var requestedAt = decision.Result!.Outcome == BookingOutcome.UnknownInterviewers ? application.BookingRequestedAt : claimed.BookingRequestedAt;
                await UpdateOwnAsync(claimed, a => a with { Booking = null, BookingRequestedAt = requestedAt }, cancellationToken);
                return decision.Result!;
            }

            var withDebrief = await debriefs.FindAsync(applicationId, cancellationToken) is null;
            plan = Plan(claimed, request, decision.Option, withDebrief);
            var planned = plan;
            claimed = await RenewAsync(claimed, b => b with { Plan = planned }, cancellationToken);
        }
        else
        {
            // Resuming with the same Idempotency-Key: the recorded plan, not a new choice.
            claimed = await RenewAsync(claimed, b => b, cancellationToken);
        }

        if (claimed is null) return BookingResult.Of(BookingOutcome.Busy);

        try
        {
            return await MakeAsync(claimed, request, plan, resuming, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Leave nothing half-booked. If even this fails, the claim keeps the plan for a resume or a takeover.
            try
            {
                await WithdrawAsync(plan, cancellationToken);
                await ReleaseAsync(claimed, cancellationToken);
            }
            catch (Exception undo) when (undo is not OperationCanceledException)
            {
                // The first failure is the one to report; the plan stays in the claim, so nothing is lost track of.
            }

            throw;
        }
    }

    /// <summary>The id of the booking an Idempotency-Key makes for an application: its interviews carry it.</summary>
    public static string BookingIdFor(string applicationId, string idempotencyKey) => Hash($"{applicationId}|{idempotencyKey}")[..32];

    /// <summary>Creates the plan's events (keeping those a resumed booking already made), then records the booking.</summary>
    private async Task<BookingResult> MakeAsync(JobApplication claimed, PanelRequest request, BookingPlan plan, bool resuming, CancellationToken cancellationToken)
    {
        var made = resuming
            ? (await calendar.FindTaggedAsync(options.OrganizerMailbox, plan.PlanId, cancellationToken)).Where(e => e.TransactionId is not null).ToDictionary(e => e.TransactionId!, StringComparer.Ordinal)
            : new Dictionary<string, BookedEvent>(StringComparer.Ordinal);

        // First write: the interviewers' meetings and the debrief.
        var drafts = new List<CalendarEventDraft>();
        for (var i = 0; i < plan.Sessions.Count; i++)
        {
            var session = plan.Sessions[i];
            var subject = $"Interview: {claimed.Candidate.Name} — {claimed.Role.Title}" + (plan.Sessions.Count > 1 ? $" — {session.Title}" : "");
            drafts.Add(new CalendarEventDraft(subject, guide.Render(claimed, request.Sessions[i]), session.Time, session.Interviewers, plan.InterviewTransactionId(i)) { Tag = plan.PlanId });
        }

        if (plan.Debrief is { } debrief)
        {
            drafts.Add(DebriefScheduler.Draft(claimed, plan.Sessions, debrief.Time, debrief.Team, plan.DebriefTransactionId) with { Tag = plan.PlanId });
        }

        await CreateMissingAsync(drafts, made, claimed.Id, cancellationToken);
        var meetings = plan.Sessions.Select((_, i) => made[plan.InterviewTransactionId(i)]).ToList();
        if (options.OnlineMeeting == OnlineMeetingPolicy.Required && meetings.Any(m => m.JoinUrl is null))
        {
            // The organizer's calendar made plain events (no Teams): undo what this booking made, and say why.
            await WithdrawAsync(plan, cancellationToken);
            await ReleaseAsync(claimed, cancellationToken);
            return BookingResult.Of(BookingOutcome.NoOnlineMeeting);
        }

        // The claim is checked before each write: a booking that lost it leaves the application to the one that has it.
        if (await RenewAsync(claimed, b => b, cancellationToken) is not { } renewed) return await LostClaimAsync(plan, cancellationToken);
        claimed = renewed;

        // Second write: the candidate's invites, each with its meeting's join link.
        var invites = plan.Sessions.Select((session, i) => new CalendarEventDraft(
            candidateInvite.Subject(claimed, request.Sessions[i], plan.Sessions.Count),
            candidateInvite.Render(claimed, request.Sessions[i], meetings[i].JoinUrl),
            meetings[i].Time,
            [new EventAttendee(claimed.Candidate.Email, claimed.Candidate.Name)],
            plan.CandidateTransactionId(i)) { OnlineMeeting = false, Tag = plan.PlanId }).ToList();
        await CreateMissingAsync(invites, made, claimed.Id, cancellationToken);

        var bookingId = claimed.Booking!.BookingId;
        var created = plan.Sessions.Select((session, i) => new Interview(
            Hash($"{bookingId}|{i}")[..32], claimed.Id, bookingId, i, session.Title, meetings[i].Time, session.Interviewers, meetings[i].EventId, meetings[i].JoinUrl, InterviewStatus.Scheduled)
        {
            CandidateEventId = made[plan.CandidateTransactionId(i)].EventId,
        }).ToList();
        if (!await RecordAsync(claimed, created, cancellationToken)) return await LostClaimAsync(plan, cancellationToken);

        var placed = plan.Debrief is { } planned ? await RecordDebriefAsync(claimed, plan, planned, made[plan.DebriefTransactionId], cancellationToken) : null;
        return BookingResult.Done(BookingOutcome.Booked, created) with { Debrief = placed };
    }

    /// <summary>Creates the drafts not made yet, in one round trip, and indexes the new events for change notifications.</summary>
    private async Task CreateMissingAsync(IReadOnlyList<CalendarEventDraft> drafts, Dictionary<string, BookedEvent> made, string applicationId, CancellationToken cancellationToken)
    {
        var missing = drafts.Where(d => !made.ContainsKey(d.TransactionId)).ToList();
        var created = await calendar.CreateAllAsync(options.OrganizerMailbox, missing, cancellationToken);
        for (var i = 0; i < missing.Count; i++) made[missing[i].TransactionId] = created[i];
        foreach (var draft in drafts) await eventIndex.AddAsync(made[draft.TransactionId].EventId, applicationId, cancellationToken);
    }

    /// <summary>
    /// Picks the time: the best option of a read made now, or the request's start after a re-check (the client saw
    /// that time earlier, so free/busy is read again for it; the best option needs no second read).
    /// </summary>
    private async Task<(SlotOption? Option, BookingResult? Result)> ChooseAsync(JobApplication application, PanelRequest request, CancellationToken cancellationToken)
    {
        if (request.Start is not { } start)
        {
            var plan = await planner.FindOptionsAsync(application, request, request.Window, cancellationToken);
            if (plan.UnknownInterviewers.Count > 0) return (null, BookingResult.Unknown(plan.UnknownInterviewers));
            if (plan.Options.Count == 0) return (null, BookingResult.Taken([]));
            return (plan.Options[0], null);
        }

        // The re-check: free/busy for the chosen time only, read now.
        var fresh = await planner.ReadAsync(application, request, AroundStart(request, start), cancellationToken);
        if (InterviewPlanner.Unknown(request, fresh) is { Count: > 0 } unknown) return (null, BookingResult.Unknown(unknown));
        var evaluation = AvailabilityEngine.Evaluate(planner.ToAvailabilityRequest(application, request, fresh, request.Window), start, time);
        if (evaluation.Option is { } option) return (option, null);

        var replan = await planner.FindOptionsAsync(application, request, request.Window, cancellationToken);
        return (null, BookingResult.Taken(replan.Options, evaluation.Problems));
    }

    /// <summary>
    /// The plan for an option: each session with its attending interviewers (and every optional one invited), and
    /// the debrief in the same write when the application has none yet and the whole team is free right after.
    /// </summary>
    private BookingPlan Plan(JobApplication application, PanelRequest request, SlotOption option, bool withDebrief)
    {
        var sessions = request.Sessions.Select((s, i) => new PlannedSession(
            s.Title,
            option.Sessions[i].Time,
            [.. s.Interviewers
                .Where(iv => iv.Optional || option.Sessions[i].Attendees.Contains(iv.Email, StringComparer.OrdinalIgnoreCase))
                .Select(iv => new EventAttendee(iv.Email, null, iv.Optional))])).ToList();
        PlannedDebrief? debrief = null;
        if (withDebrief && option.DebriefIsFree && option.Debrief is { } slot)
        {
            debrief = new PlannedDebrief(slot, DebriefScheduler.TeamOf(sessions, planner.DebriefGuests(application) is [var recruiter, ..] ? recruiter : null));
        }

        return new BookingPlan(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), sessions, debrief);
    }

    /// <summary>Cancels every live event of <paramref name="plan"/>, found by its tag; what is already gone stays gone.</summary>
    private async Task WithdrawAsync(BookingPlan plan, CancellationToken cancellationToken)
    {
        foreach (var made in await calendar.FindTaggedAsync(options.OrganizerMailbox, plan.PlanId, cancellationToken))
        {
            await calendar.CancelAsync(options.OrganizerMailbox, made.EventId, WithdrawnComment, cancellationToken);
        }
    }

    private async Task<BookingResult> LostClaimAsync(BookingPlan plan, CancellationToken cancellationToken)
    {
        await WithdrawAsync(plan, cancellationToken);
        return BookingResult.Of(BookingOutcome.Busy);
    }

    /// <summary>
    /// Takes the application's claim for <paramref name="bookingId"/>: its own claim (a resume), a free one, or one
    /// abandoned by another booking, whose plan is returned so that its events can be withdrawn.
    /// </summary>
    private async Task<(JobApplication? Claimed, BookingPlan? Abandoned)> ClaimAsync(JobApplication application, string bookingId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = time.GetUtcNow();
            if (application.IsErased) return (null, null);
            var previous = application.Booking;
            if (previous is not null)
            {
                // A live claim is busy even for the same Idempotency-Key: two copies of one booking must not both
                // write. A stopped one is resumed (same key) or taken over (another booking).
                if (now - previous.ClaimedAt < AbandonedAfter) return (null, null);
                if (previous.BookingId == bookingId) return (await RenewAsync(application, b => b, cancellationToken), null);
            }

            var claimed = await applications.TryReplaceAsync(application with { Booking = new BookingClaim(bookingId, now), BookingRequestedAt = now }, cancellationToken);
            if (claimed is not null) return (claimed, previous?.Plan);

            // Someone changed the application (an acknowledgment, or another booking): look again.
            application = await applications.FindAsync(application.Id, cancellationToken) ?? throw new InvalidOperationException("The application disappeared.");
        }

        return (null, null);
    }

    /// <summary>Renews this booking's claim (and applies <paramref name="change"/> to it); null when the claim is no longer this booking's.</summary>
    private async Task<JobApplication?> RenewAsync(JobApplication claimed, Func<BookingClaim, BookingClaim> change, CancellationToken cancellationToken) =>
        await UpdateOwnAsync(claimed, a => a with { Booking = change(a.Booking!) with { ClaimedAt = time.GetUtcNow() } }, cancellationToken);

    private async Task ReleaseAsync(JobApplication claimed, CancellationToken cancellationToken) =>
        await UpdateOwnAsync(claimed, a => a with { Booking = null }, cancellationToken);

    /// <summary>Stores the interviews and marks the application scheduled; false when the claim was lost meanwhile.</summary>
    private async Task<bool> RecordAsync(JobApplication claimed, IReadOnlyList<Interview> created, CancellationToken cancellationToken)
    {
        var current = claimed;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var done = current with { Booking = null, Status = ApplicationStatus.Scheduled, BookedAt = time.GetUtcNow() };
            if (await interviews.TryRecordBookingAsync(done, created, cancellationToken) is not null) return true;
            current = await applications.FindAsync(claimed.Id, cancellationToken) ?? throw new InvalidOperationException("The application disappeared.");
            if (current.Booking?.BookingId != claimed.Booking!.BookingId) return false;
        }

        throw new InvalidOperationException($"Could not record the booking of application {claimed.Id}.");
    }

    /// <summary>Stores the debrief made with the sessions; one that lost to a debrief stored meanwhile is withdrawn.</summary>
    private async Task<Debrief?> RecordDebriefAsync(JobApplication application, BookingPlan plan, PlannedDebrief planned, BookedEvent made, CancellationToken cancellationToken)
    {
        var debrief = new Debrief(application.Id, made.EventId, made.JoinUrl, made.Time, plan.Sessions.Max(s => s.Time.End), planned.Team, [], DebriefStatus.Scheduled, Generation: 1);
        if (await debriefs.TrySaveAsync(debrief, cancellationToken) is { } stored) return stored;
        await calendar.CancelAsync(options.OrganizerMailbox, made.EventId, WithdrawnComment, cancellationToken);
        return null;
    }

    /// <summary>Applies <paramref name="change"/> to the application while this booking still holds its claim.</summary>
    private async Task<JobApplication?> UpdateOwnAsync(JobApplication claimed, Func<JobApplication, JobApplication> change, CancellationToken cancellationToken)
    {
        var current = claimed;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await applications.TryReplaceAsync(change(current), cancellationToken) is { } stored) return stored;
            current = await applications.FindAsync(claimed.Id, cancellationToken);
            if (current?.Booking?.BookingId != claimed.Booking!.BookingId) return null;
        }

        return null;
    }

    /// <summary>The window the re-check reads: the whole chosen day around the start, enough for a loop.</summary>
    private static TimeRange AroundStart(PanelRequest request, DateTimeOffset start)
    {
        var length = request.Sessions.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration) + TimeSpan.FromMinutes(30 * request.Sessions.Count);
        return new TimeRange(start - TimeSpan.FromHours(1), start + length + TimeSpan.FromHours(1));
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>What a booking did.</summary>
public enum BookingOutcome
{
    /// <summary>Events created now.</summary>
    Booked,

    /// <summary>The same Idempotency-Key booked before: its interviews, nothing new.</summary>
    Replayed,

    /// <summary>Another booking for this application is under way.</summary>
    Busy,

    /// <summary>The time is no longer free (or none is): see the fresh options.</summary>
    Taken,

    /// <summary>Some interviewers are unknown to the tenant.</summary>
    UnknownInterviewers,

    /// <summary>No such application.</summary>
    UnknownApplication,

    /// <summary>The organizer's calendar cannot make Teams meetings; nothing was kept.</summary>
    NoOnlineMeeting,
}

/// <summary>A booking's outcome with what goes with it.</summary>
public sealed record BookingResult(BookingOutcome Outcome, IReadOnlyList<Interview> Interviews, IReadOnlyList<SlotOption> FreshOptions, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<string> Problems)
{
    /// <summary>The debrief the booking made with the interviews; null when it is left to <see cref="DebriefScheduler"/>.</summary>
    public Debrief? Debrief { get; init; }

    public static BookingResult Of(BookingOutcome outcome) => new(outcome, [], [], new Dictionary<string, string[]>(), []);

    public static BookingResult Done(BookingOutcome outcome, IReadOnlyList<Interview> interviews) => Of(outcome) with { Interviews = interviews };

    public static BookingResult Taken(IReadOnlyList<SlotOption> fresh, IReadOnlyList<string>? problems = null) =>
        Of(BookingOutcome.Taken) with { FreshOptions = fresh, Problems = problems ?? [] };

    public static BookingResult Unknown(IReadOnlyDictionary<string, string[]> errors) => Of(BookingOutcome.UnknownInterviewers) with { Errors = errors };
}
