using InterviewScheduler.Core.Debriefs;

namespace InterviewScheduler.Core.Interviews;

/// <summary>
/// A recruiter cancels one booked interview. Only the interviewers' meeting is cancelled here; the rest is what a
/// cancel in Outlook brings (<see cref="InterviewSync"/>): the candidate's own invite cancelled, the interview recorded
/// as cancelled, the debrief moved after the last interview still on or cancelled with the last one. So both ways of
/// cancelling end the same, and repeating a cancel sends nothing more.
/// </summary>
public sealed class InterviewCancellation(IInterviewStore interviews, ICalendarBooker calendar, ICalendarWriteClaims claims, InterviewSync sync, IDebriefStore debriefs, SchedulingOptions scheduling)
{
    /// <summary>What the interviewers read in Outlook's cancellation.</summary>
    public const string Comment = "This interview was cancelled by the recruiter.";

    /// <returns>The interview and the debrief after the cancel; null when the application has no such interview.</returns>
    public async Task<CancelledInterview?> CancelAsync(string applicationId, string interviewId, CancellationToken cancellationToken)
    {
        var interview = (await interviews.ListAsync(applicationId, cancellationToken)).FirstOrDefault(i => i.InterviewId == interviewId);
        if (interview is null) return null;

        if (interview.Status == InterviewStatus.Scheduled)
        {
            // Read first: a repeat (or a cancel already made in Outlook) finds it cancelled and sends nothing. The claim
            // keeps two cancels at the same moment from both sending the interviewers a cancellation.
            var current = await calendar.FindAsync(scheduling.OrganizerMailbox, interview.EventId, cancellationToken);
            if (current is { IsCancelled: false }
                && await claims.TryClaimAsync(applicationId, $"cancel:{interview.EventId}", InterviewSync.ClaimTimeout, cancellationToken))
            {
                await calendar.CancelAsync(scheduling.OrganizerMailbox, interview.EventId, Comment, cancellationToken);
            }

            await sync.RefreshAsync(applicationId, cancellationToken);
        }

        var now = (await interviews.ListAsync(applicationId, cancellationToken)).First(i => i.InterviewId == interviewId);
        return new CancelledInterview(now, await debriefs.FindAsync(applicationId, cancellationToken));
    }
}
