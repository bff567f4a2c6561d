using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Calendar;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// Whether one booking's events in the organizer calendar are one consistent set: each live interview has exactly
/// one candidate invite at its time, and there is exactly one debrief, with a Teams link, starting at the end of
/// the last live interview or (when the team is busy then) at the first time within the app's search window; none
/// once every interview is cancelled.
/// </summary>
internal sealed record BookingCheck(string? Problem, SandboxEvent? Debrief, IReadOnlyList<SandboxEvent> Interviews, bool RightAfter)
{
    /// <summary>Debrief:SearchHours' default: how far after the last interview the app may place the debrief.</summary>
    public static readonly TimeSpan SearchWindow = TimeSpan.FromHours(3);

    public bool Consistent => Problem is null;

    public static BookingCheck Of(FlowBooking booking, OrganizerCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(calendar);
        var live = booking.Interviews.Select(i => calendar.Find(i.EventId)).OfType<SandboxEvent>().ToList();
        var invites = calendar.InvitesOf(booking.Application.Email);
        var debriefs = calendar.DebriefsOf(booking.Application.CandidateName);
        var debrief = debriefs.Count == 1 ? debriefs[0] : null;
        string? problem = null;
        var rightAfter = false;
        if (invites.Count != live.Count)
        {
            problem = $"{invites.Count} candidate invites for {live.Count} live interviews";
        }
        else if (!live.Select(e => (e.Start, e.End)).Order().SequenceEqual(invites.Select(e => (e.Start, e.End)).Order()))
        {
            problem = "a candidate invite is not at its interview's time";
        }
        else if (live.Count == 0)
        {
            if (debriefs.Count > 0) problem = $"{debriefs.Count} debriefs left after every interview was cancelled";
        }
        else if (debrief is null)
        {
            problem = $"{debriefs.Count} debriefs for {live.Count} live interviews";
        }
        else
        {
            var lastEnd = live.Max(e => e.End);
            rightAfter = debrief.Start == lastEnd;
            if (debrief.Start < lastEnd) problem = $"the debrief starts {(lastEnd - debrief.Start).TotalMinutes:0} min before the last interview ends";
            else if (debrief.Start > lastEnd + SearchWindow) problem = $"the debrief starts {(debrief.Start - lastEnd).TotalMinutes:0} min after the last interview";
            else if (string.IsNullOrEmpty(debrief.JoinUrl) || !debrief.IsOnlineMeeting) problem = "the debrief has no Teams join link";
        }

        return new BookingCheck(problem, debrief, live, rightAfter);
    }
}
