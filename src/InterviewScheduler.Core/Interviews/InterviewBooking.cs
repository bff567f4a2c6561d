using System.Security.Cryptography;
using System.Text;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Debriefs;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// Books a panel or loop for an application: one Teams meeting per session in the organizer mailbox with the
/// interviewers and the interview guide, and the candidate's own invite at the same time with the same join link
/// and a candidate-facing body, so the candidate never sees the guide or the interviewers' addresses.
/// </summary>
/// <remarks>
/// One booking per application at a time: the booking claims the application (an ETag-guarded write) and a
/// second one gets <see cref="BookingOutcome.Busy"/>. The chosen start is recorded in the claim before any event
/// is created, and each event carries a transactionId derived from the booking, so a booking repeated with the
/// same Idempotency-Key, or resumed after a crash, creates no second event. Free/busy is read again for the
/// chosen time just before creating events; a time taken meanwhile gives <see cref="BookingOutcome.Taken"/>
/// with fresh options.
/// </remarks>
public sealed class InterviewBooking(
    IApplicationStore applications,
    IInterviewStore interviews,
    ICalendarBooker calendar,
    InterviewPlanner planner,
    InterviewGuide guide,
    CandidateInvite candidateInvite,
    IEventIndex eventIndex,
    SchedulingOptions options,
    TimeProvider time)
{
    /// <summary>A claim older than this belongs to a booking that stopped; another may take over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<BookingResult> BookAsync(string applicationId, PanelRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await applications.FindAsync(applicationId, cancellationToken);
        if (application is null) return BookingResult.Of(BookingOutcome.UnknownApplication);

        var bookingId = idempotencyKey is null ? Guid.CreateVersion7(time.GetUtcNow()).ToString("N") : Hash($"{applicationId}|{idempotencyKey}")[..32];
        var booked = (await interviews.ListAsync(applicationId, cancellationToken)).Where(i => i.BookingId == bookingId).ToList();
        if (booked.Count > 0) return BookingResult.Done(BookingOutcome.Replayed, booked);

        var claimed = await ClaimAsync(application, bookingId, cancellationToken);
        if (claimed is null) return BookingResult.Of(BookingOutcome.Busy);

        // A failure below leaves the claim, with its chosen start, for a retry to resume; it expires after AbandonedAfter.
        var chosen = claimed.Booking!.ChosenStart;
        SlotOption? option = null;
        if (chosen is null)
        {
            var decision = await ChooseAsync(claimed, request, cancellationToken);
            if (decision.Option is null)
            {
                await ReleaseAsync(claimed, cancellationToken);
                return decision.Result!;
            }

            option = decision.Option;
            claimed = await RecordChoiceAsync(claimed, option.Sessions[0].Time.Start, cancellationToken);
            if (claimed is null) return BookingResult.Of(BookingOutcome.Busy);
        }
        else
        {
            // Resuming a booking that stopped after choosing: book that time again, no new choice.
            var schedules = await planner.ReadAsync(claimed, request, AroundStart(request, chosen.Value), cancellationToken);
            option = AvailabilityEngine.Evaluate(planner.ToAvailabilityRequest(claimed, request, schedules, request.Window) with { MinimumNotice = TimeSpan.Zero }, chosen.Value, time).Option
                ?? Unchecked(request, chosen.Value);
        }

        var created = new List<Interview>();
        for (var i = 0; i < request.Sessions.Count; i++)
        {
            var interview = await CreateEventAsync(claimed, request, option.Sessions[i], i, bookingId, cancellationToken);
            created.Add(interview);
            if (interview.JoinUrl is null && options.OnlineMeeting == OnlineMeetingPolicy.Required)
            {
                // The organizer's calendar made a plain event (no Teams): undo what this booking made, and say why.
                foreach (var made in created)
                {
                    await calendar.CancelAsync(options.OrganizerMailbox, made.EventId, "This interview could not be set up as a Teams meeting and is withdrawn.", cancellationToken);
                    if (made.CandidateEventId is { } invite) await calendar.CancelAsync(options.OrganizerMailbox, invite, "This interview could not be set up as a Teams meeting and is withdrawn. We will send a new invitation.", cancellationToken);
                }

                await ReleaseAsync(claimed, cancellationToken);
                return BookingResult.Of(BookingOutcome.NoOnlineMeeting);
            }
        }

        await RecordAsync(claimed, created, cancellationToken);
        return BookingResult.Done(BookingOutcome.Booked, created);
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

    private async Task<Interview> CreateEventAsync(JobApplication application, PanelRequest request, ScheduledSession session, int index, string bookingId, CancellationToken cancellationToken)
    {
        var sessionRequest = request.Sessions[index];
        var subject = $"Interview: {application.Candidate.Name} — {application.Role.Title}" + (request.Sessions.Count > 1 ? $" — {sessionRequest.Title}" : "");
        var attendees = sessionRequest.Interviewers
            .Where(i => session.Attendees.Contains(i.Email, StringComparer.OrdinalIgnoreCase) || i.Optional)
            .Select(i => new EventAttendee(i.Email, null, i.Optional))
            .ToList();
        var draft = new CalendarEventDraft(subject, guide.Render(application, sessionRequest), session.Time, attendees, TransactionId(bookingId, index));
        var created = await calendar.CreateAsync(options.OrganizerMailbox, draft, cancellationToken);
        await eventIndex.AddAsync(created.EventId, application.Id, cancellationToken);

        var invite = new CalendarEventDraft(
            candidateInvite.Subject(application, sessionRequest, request.Sessions.Count),
            candidateInvite.Render(application, sessionRequest, created.JoinUrl),
            created.Time,
            [new EventAttendee(application.Candidate.Email, application.Candidate.Name)],
            CandidateTransactionId(bookingId, index)) { OnlineMeeting = false };
        var candidateEvent = await calendar.CreateAsync(options.OrganizerMailbox, invite, cancellationToken);
        await eventIndex.AddAsync(candidateEvent.EventId, application.Id, cancellationToken);
        return new Interview(Hash($"{bookingId}|{index}")[..32], application.Id, bookingId, index, sessionRequest.Title, created.Time, attendees, created.EventId, created.JoinUrl, InterviewStatus.Scheduled)
        {
            CandidateEventId = candidateEvent.EventId,
        };
    }

    /// <summary>Graph's transactionId for a booking's session: the same booking always gets the same events.</summary>
    public static string TransactionId(string bookingId, int sessionIndex) => $"interview-{bookingId}-{sessionIndex}";

    /// <summary>Graph's transactionId for the candidate's invite to a booking's session.</summary>
    public static string CandidateTransactionId(string bookingId, int sessionIndex) => $"candidate-{bookingId}-{sessionIndex}";

    private async Task<JobApplication?> ClaimAsync(JobApplication application, string bookingId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = time.GetUtcNow();
            if (application.Booking is { } claim)
            {
                if (claim.BookingId == bookingId) return application;
                if (now - claim.ClaimedAt < AbandonedAfter) return null;
            }

            var claimed = await applications.TryReplaceAsync(application with { Booking = new BookingClaim(bookingId, now), BookingRequestedAt = now }, cancellationToken);
            if (claimed is not null) return claimed;

            // Someone changed the application (an acknowledgment, or another booking): look again.
            application = await applications.FindAsync(application.Id, cancellationToken) ?? throw new InvalidOperationException("The application disappeared.");
        }

        return null;
    }

    private async Task<JobApplication?> RecordChoiceAsync(JobApplication claimed, DateTimeOffset start, CancellationToken cancellationToken) =>
        await UpdateOwnAsync(claimed, a => a with { Booking = a.Booking! with { ChosenStart = start } }, cancellationToken);

    private async Task ReleaseAsync(JobApplication claimed, CancellationToken cancellationToken) =>
        await UpdateOwnAsync(claimed, a => a with { Booking = null }, cancellationToken);

    private async Task RecordAsync(JobApplication claimed, IReadOnlyList<Interview> created, CancellationToken cancellationToken)
    {
        var current = claimed;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var done = current with { Booking = null, Status = ApplicationStatus.Scheduled, BookedAt = time.GetUtcNow() };
            if (await interviews.TryRecordBookingAsync(done, created, cancellationToken) is not null) return;
            current = await applications.FindAsync(claimed.Id, cancellationToken) ?? throw new InvalidOperationException("The application disappeared.");
            if (current.Booking?.BookingId != claimed.Booking!.BookingId) throw new InvalidOperationException("The booking lost its claim before it was recorded.");
        }

        throw new InvalidOperationException($"Could not record the booking of application {claimed.Id}.");
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

    /// <summary>The option for a resumed booking whose time can no longer be checked: its sessions back to back.</summary>
    private static SlotOption Unchecked(PanelRequest request, DateTimeOffset start)
    {
        var sessions = new List<ScheduledSession>();
        var at = start;
        foreach (var s in request.Sessions)
        {
            sessions.Add(new ScheduledSession(s.Title, new TimeRange(at, at + s.Duration), [.. s.Interviewers.Where(i => !i.Optional).Select(i => i.Email)], []));
            at += s.Duration;
        }

        return new SlotOption { Rank = 1, Sessions = sessions, Debrief = null, DebriefTeam = [], DebriefIsFree = false, TentativeOverlaps = 0, OptionalAttending = 0, OptionalInvited = 0, Reasons = ["resumed"] };
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
    public static BookingResult Of(BookingOutcome outcome) => new(outcome, [], [], new Dictionary<string, string[]>(), []);

    public static BookingResult Done(BookingOutcome outcome, IReadOnlyList<Interview> interviews) => Of(outcome) with { Interviews = interviews };

    public static BookingResult Taken(IReadOnlyList<SlotOption> fresh, IReadOnlyList<string>? problems = null) =>
        Of(BookingOutcome.Taken) with { FreshOptions = fresh, Problems = problems ?? [] };

    public static BookingResult Unknown(IReadOnlyDictionary<string, string[]> errors) => Of(BookingOutcome.UnknownInterviewers) with { Errors = errors };
}
