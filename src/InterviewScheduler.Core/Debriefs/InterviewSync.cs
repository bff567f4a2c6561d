using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// Brings an application's stored interviews in line with the organizer's calendar (moved, cancelled, answered
/// by people in Outlook), keeps each candidate's own invite in step with its interview, and then the debrief in
/// line with the interviews. Reading the calendar again for every trigger makes duplicate and out-of-order
/// notifications harmless: the outcome depends on the calendar's state, not on the notification.
/// </summary>
public sealed class InterviewSync(IApplicationStore applications, IInterviewStore interviews, ICalendarBooker calendar, DebriefScheduler debriefs, ICalendarWriteClaims claims, SchedulingOptions scheduling)
{
    /// <summary>A claimed invite move not made within this long was abandoned; the next refresh makes it.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(1);

    public async Task<DebriefChange> RefreshAsync(string applicationId, CancellationToken cancellationToken)
    {
        // An application being erased is left to the erasure: it cancels what is to come and empties the rows, which
        // a refresh must not write back.
        if (await applications.FindAsync(applicationId, cancellationToken) is null or { IsErased: true }) return DebriefChange.None;
        var changed = new List<Interview>();
        foreach (var interview in await interviews.ListAsync(applicationId, cancellationToken))
        {
            if (interview.Status != InterviewStatus.Scheduled) continue;
            var current = await calendar.FindAsync(scheduling.OrganizerMailbox, interview.EventId, cancellationToken);
            var invite = interview.CandidateEventId is { } inviteId ? await calendar.FindAsync(scheduling.OrganizerMailbox, inviteId, cancellationToken) : null;
            if (current is null || current.IsCancelled)
            {
                if (invite is { IsCancelled: false } && await claims.TryClaimAsync(applicationId, $"cancel:{invite.EventId}", ClaimTimeout, cancellationToken))
                {
                    await calendar.CancelAsync(scheduling.OrganizerMailbox, invite.EventId, "This interview was cancelled. We will be in touch about what comes next.", cancellationToken);
                }

                changed.Add(interview with { Status = InterviewStatus.Cancelled });
                continue;
            }

            if (invite is { IsCancelled: false } && invite.Time != current.Time
                && await claims.TryClaimAsync(applicationId, $"move:{invite.EventId}:{current.Time.Start:O}", ClaimTimeout, cancellationToken))
            {
                // The interviewers' meeting moved: the candidate's invite follows (time only; its body keeps the link).
                // Claimed first, since two refreshes of one move would send the candidate two updates.
                await calendar.MoveAsync(scheduling.OrganizerMailbox, invite.EventId, current.Time, [.. invite.Responses.Select(r => new EventAttendee(r.Email))], cancellationToken);
            }

            // The interviewers answer on their meeting, the candidate on their own invite.
            var responses = invite is null ? current.Responses : [.. current.Responses, .. invite.Responses];
            if (current.Time != interview.Time || !SameResponses(responses, interview.Responses))
            {
                changed.Add(interview with { Time = current.Time, Responses = responses });
            }
        }

        if (changed.Count > 0)
        {
            await interviews.SaveAsync(changed, cancellationToken);
        }

        return await debriefs.AlignAsync(applicationId, cancellationToken);
    }

    private static bool SameResponses(IReadOnlyList<AttendeeResponse> left, IReadOnlyList<AttendeeResponse> right) =>
        left.Count == right.Count && left.Zip(right).All(p => string.Equals(p.First.Email, p.Second.Email, StringComparison.OrdinalIgnoreCase) && p.First.Response == p.Second.Response);
}
