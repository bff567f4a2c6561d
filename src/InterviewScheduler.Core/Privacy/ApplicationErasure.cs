using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Privacy;

/// <summary>
/// Erases a candidate's application: the interviews and the debrief still to come are cancelled in the organizer's
/// calendar (the interviewers' meetings and the candidate's own invites; past ones are left as they are), and the
/// personal data is removed from storage. What stays is anonymous: the role, the source, the status <c>erased</c> and
/// the moments that measure the service (received, acknowledged, booking requested, booked, each interview's and the
/// debrief's time).
/// </summary>
/// <remarks>
/// <para>
/// Resumable: <see cref="ApplicationStatus.Erasing"/> is recorded before anything else, and the application row is
/// anonymised last, so a stop anywhere in between is finished by the next call (a repeated DELETE, or the retention
/// timer, which also picks up applications left erasing). Nothing books, offers or sends for an application while it
/// is erasing.
/// </para>
/// <para>
/// Nothing sent twice: each cancellation is claimed in storage first with the same claim the calendar sync takes
/// for a candidate's invite, so two erasures (or an erasure and a sync) never both send it; a cancel of an event
/// already cancelled is a no-op at Graph; an erased application answers <see cref="ErasureOutcome.AlreadyErased"/>
/// without touching anything. A booking under way makes the erasure <see cref="ErasureOutcome.Busy"/> (its events
/// would otherwise appear after the erasure); an abandoned one's events are withdrawn with the rest.
/// </para>
/// </remarks>
public sealed class ApplicationErasure(
    IApplicationStore applications,
    IInterviewStore interviews,
    IDebriefStore debriefs,
    ICalendarBooker calendar,
    IEventIndex index,
    ICalendarWriteClaims claims,
    SchedulingOptions scheduling,
    TimeProvider time)
{
    /// <summary>When to ask again after <see cref="ErasureOutcome.Busy"/>: a cancellation claim's life.</summary>
    public static TimeSpan RetryAfter => InterviewSync.ClaimTimeout;

    /// <summary>What the interviewers and the candidate read in the cancellation.</summary>
    public const string CancellationComment = "This meeting is cancelled.";

    /// <summary>The booking id that takes an abandoned booking's claim away: that booking, should it wake, owns nothing.</summary>
    private const string ErasureClaim = "erasure";

    public async Task<ErasureOutcome> EraseAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        var application = await applications.FindAsync(applicationId, cancellationToken);
        if (application is null) return ErasureOutcome.UnknownApplication;
        if (application.Status == ApplicationStatus.Erased) return ErasureOutcome.AlreadyErased;

        var erasing = await BeginAsync(application, cancellationToken);
        if (erasing is null) return ErasureOutcome.Busy;
        if (erasing.Status == ApplicationStatus.Erased) return ErasureOutcome.AlreadyErased;

        var now = time.GetUtcNow();
        var booked = await interviews.ListAsync(applicationId, cancellationToken);
        var debrief = await debriefs.FindAsync(applicationId, cancellationToken);
        var abandoned = erasing.Booking?.Plan is { } plan
            ? await calendar.FindTaggedAsync(scheduling.OrganizerMailbox, plan.PlanId, cancellationToken)
            : [];

        // 1. The calendar: what is still to come is cancelled, once.
        var upcoming = booked.Where(i => i.Status == InterviewStatus.Scheduled && i.Time.Start > now)
            .SelectMany(i => new[] { i.EventId, i.CandidateEventId })
            .Append(debrief is { Status: DebriefStatus.Scheduled } d && d.Time.Start > now ? d.EventId : null)
            .Concat(abandoned.Where(e => !e.IsCancelled && e.Time.Start > now).Select(e => e.EventId))
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var eventId in upcoming)
        {
            if (!await claims.TryClaimAsync(applicationId, $"cancel:{eventId}", InterviewSync.ClaimTimeout, cancellationToken)) return ErasureOutcome.Busy;
            await calendar.CancelAsync(scheduling.OrganizerMailbox, eventId, CancellationComment, cancellationToken);
        }

        // 2. The lookups that lead to the application: a later change of its events, or a later submission of the
        // same person, concerns no application any more. Done before the rows lose the ids, so a retry still finds them.
        var known = booked.SelectMany(i => new[] { i.EventId, i.CandidateEventId })
            .Append(debrief?.EventId)
            .Concat(abandoned.Select(e => e.EventId))
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal);
        foreach (var eventId in known) await index.RemoveAsync(eventId, cancellationToken);
        if (erasing.Candidate.Email.Length > 0)
        {
            await applications.ForgetDeduplicationKeyAsync(erasing.DeduplicationKey, applicationId, cancellationToken);
        }

        // 3. The rows: interviews and debrief keep their times and status only; the application row goes last.
        if (booked.Count > 0) await interviews.SaveAsync([.. booked.Select(i => Anonymous(i, now))], cancellationToken);
        await EraseDebriefAsync(applicationId, now, cancellationToken);
        await applications.UpdateAsync(erasing, a => Anonymous(a, now), cancellationToken);
        return ErasureOutcome.Erased;
    }

    /// <summary>
    /// Records <see cref="ApplicationStatus.Erasing"/> (or finds it recorded); null while a booking holds the
    /// application. An abandoned booking's claim is taken from it, its plan kept so that its events are withdrawn.
    /// </summary>
    private async Task<JobApplication?> BeginAsync(JobApplication application, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ApplicationUpdates.Attempts; attempt++)
        {
            var now = time.GetUtcNow();
            if (application.Status is ApplicationStatus.Erased) return application;
            if (application.Booking is { } claim && claim.BookingId != ErasureClaim && now - claim.ClaimedAt < InterviewBooking.AbandonedAfter) return null;
            if (application.Status is ApplicationStatus.Erasing) return application;
            var erasing = application with
            {
                Status = ApplicationStatus.Erasing,
                ErasedAt = now,
                Booking = application.Booking is { } stopped ? stopped with { BookingId = ErasureClaim } : null,
            };
            if (await applications.TryReplaceAsync(erasing, cancellationToken) is { } stored) return stored;
            application = await applications.FindAsync(application.Id, cancellationToken) ?? throw new InvalidOperationException($"Application {application.Id} disappeared.");
        }

        return null;
    }

    private async Task EraseDebriefAsync(string applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ApplicationUpdates.Attempts; attempt++)
        {
            var debrief = await debriefs.FindAsync(applicationId, cancellationToken);
            if (debrief is null || await debriefs.TrySaveAsync(Anonymous(debrief, now), cancellationToken) is not null) return;
        }

        throw new InvalidOperationException($"The debrief of application {applicationId} kept changing; erasure will be finished by the next attempt.");
    }

    /// <summary>The application as kept after erasure: the role, the source, its status and its timings.</summary>
    public static JobApplication Anonymous(JobApplication application, DateTimeOffset erasedAt)
    {
        ArgumentNullException.ThrowIfNull(application);
        var acknowledgment = application.Acknowledgment;
        return application with
        {
            Candidate = Candidate.Erased,
            ExternalId = null,
            Status = ApplicationStatus.Erased,
            Acknowledgment = new Acknowledgment(acknowledgment.Status, acknowledgment.Attempts, acknowledgment.SentAt, null, null)
            {
                FirstAttemptAt = acknowledgment.FirstAttemptAt,
            },
            Booking = null,
            RecruiterEmail = null,
            SelfScheduling = null,
            ErasedAt = application.ErasedAt ?? erasedAt,
        };
    }

    /// <summary>An interview as kept after erasure: when, and whether it took place (one still to come was cancelled).</summary>
    public static Interview Anonymous(Interview interview, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interview);
        return interview with
        {
            Title = string.Empty,
            Attendees = [],
            Responses = [],
            EventId = string.Empty,
            CandidateEventId = null,
            JoinUrl = null,
            Status = interview.Time.Start > now ? InterviewStatus.Cancelled : interview.Status,
        };
    }

    /// <summary>A debrief as kept after erasure: when, and whether it took place.</summary>
    public static Debrief Anonymous(Debrief debrief, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        return debrief with
        {
            EventId = string.Empty,
            JoinUrl = null,
            Team = [],
            Conflicts = [],
            Status = debrief.Status == DebriefStatus.Scheduled && debrief.Time.Start > now ? DebriefStatus.Cancelled : debrief.Status,
            PendingSince = null,
        };
    }
}
