using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// Brings an application's stored interviews in line with the organizer's calendar (moved, cancelled, answered
/// by people in Outlook) and then its debrief in line with the interviews. Reading the calendar again for every
/// trigger makes duplicate and out-of-order notifications harmless: the outcome depends on the calendar's
/// state, not on the notification.
/// </summary>
public sealed class InterviewSync(IInterviewStore interviews, ICalendarBooker calendar, DebriefScheduler debriefs, SchedulingOptions scheduling)
{
    public async Task<DebriefChange> RefreshAsync(string applicationId, CancellationToken cancellationToken)
    {
        var changed = new List<Interview>();
        foreach (var interview in await interviews.ListAsync(applicationId, cancellationToken))
        {
            if (interview.Status != InterviewStatus.Scheduled) continue;
            var current = await calendar.FindAsync(scheduling.OrganizerMailbox, interview.EventId, cancellationToken);
            if (current is null || current.IsCancelled)
            {
                changed.Add(interview with { Status = InterviewStatus.Cancelled });
            }
            else if (current.Time != interview.Time || !SameResponses(current.Responses, interview.Responses))
            {
                changed.Add(interview with { Time = current.Time, Responses = current.Responses });
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
