using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Privacy;

/// <summary>
/// Erases, through <see cref="ApplicationErasure"/>, every application that is closed: nothing happened for
/// <see cref="PrivacyOptions.RetentionDays"/> days and no interview or debrief is still to come. (Applications have no
/// hired or rejected status here: that lives in the ATS, so inactivity is what closes one.) Also finishes any erasure
/// that stopped half-way. One application's failure does not stop the others.
/// </summary>
public sealed class RetentionSweep(
    IApplicationStore applications,
    IInterviewStore interviews,
    IDebriefStore debriefs,
    ApplicationErasure erasure,
    PrivacyOptions options,
    TimeProvider time)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.RetentionIsOn) return new RetentionReport(0, 0, 0);
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.RetentionDays);
        int erased = 0, busy = 0, failed = 0;
        await foreach (var application in applications.ListAsync(null, null, cancellationToken))
        {
            if (application.Status == ApplicationStatus.Erased) continue;
            if (application.Status != ApplicationStatus.Erasing)
            {
                // Received after the cutoff cannot be closed: no need to read its interviews.
                if (application.ReceivedAt > cutoff) continue;
                var booked = await interviews.ListAsync(application.Id, cancellationToken);
                var debrief = await debriefs.FindAsync(application.Id, cancellationToken);
                if (!IsClosed(application, booked, debrief, cutoff, now)) continue;
            }

            try
            {
                switch (await erasure.EraseAsync(application.Id, cancellationToken))
                {
                    case ErasureOutcome.Erased: erased++; break;
                    case ErasureOutcome.Busy: busy++; break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Left erasing (or untouched): the next run finishes it.
                failed++;
            }
        }

        return new RetentionReport(erased, busy, failed);
    }

    /// <summary>
    /// Closed: its last activity is before <paramref name="cutoff"/>, and no scheduled interview or debrief ends
    /// after <paramref name="now"/>.
    /// </summary>
    public static bool IsClosed(JobApplication application, IReadOnlyList<Interview> interviews, Debrief? debrief, DateTimeOffset cutoff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        if (interviews.Any(i => i.Status == InterviewStatus.Scheduled && i.Time.End > now)) return false;
        if (debrief is { Status: DebriefStatus.Scheduled } && debrief.Time.End > now) return false;
        return LastActivity(application, interviews, debrief) < cutoff;
    }

    /// <summary>The latest moment anything happened to the application: received, acknowledged, booked, offered, picked, interviewed, debriefed.</summary>
    public static DateTimeOffset LastActivity(JobApplication application, IReadOnlyList<Interview> interviews, Debrief? debrief)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(interviews);
        DateTimeOffset?[] moments =
        [
            application.ReceivedAt,
            application.Acknowledgment.SentAt,
            application.Acknowledgment.MarkedAt,
            application.BookingRequestedAt,
            application.BookedAt,
            application.Booking?.ClaimedAt,
            application.SelfScheduling?.OfferedAt,
            application.SelfScheduling?.PickedAt,
            debrief?.Time.End,
            .. interviews.Select(i => (DateTimeOffset?)i.Time.End),
        ];
        return moments.OfType<DateTimeOffset>().Max();
    }
}
