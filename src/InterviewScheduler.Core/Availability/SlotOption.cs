namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One ranked answer: every session's time and attendees, the debrief right after the last session, and
/// short reasons for the rank ("earliest", "debrief-free", "2 tentative overlaps", "3/4 optional attend",
/// "near end of day for lead@contoso.com"). <see cref="Rank"/> 1 is the best. Immutable.
/// </summary>
public sealed record SlotOption
{
    /// <summary>1 for the best option, then 2, 3, ...; 1 also for a single start checked with <see cref="AvailabilityEngine.Evaluate"/>.</summary>
    public required int Rank { get; init; }

    /// <summary>The sessions in request order.</summary>
    public required IReadOnlyList<ScheduledSession> Sessions { get; init; }

    /// <summary>From the start of the first session to the end of the last, UTC.</summary>
    public TimeRange Span => new(Sessions[0].Time.Start, Sessions[^1].Time.End);

    /// <summary>The debrief right after the last session, or null when the request asks for none.</summary>
    public required TimeRange? Debrief { get; init; }

    /// <summary>Emails of the debrief team: all attending interviewers plus the debrief guests.</summary>
    public required IReadOnlyList<string> DebriefTeam { get; init; }

    /// <summary>True when every member of the debrief team is free (and within working hours) for the debrief.</summary>
    public required bool DebriefIsFree { get; init; }

    /// <summary>How many attendee-sessions overlap a tentative item that was allowed to be used.</summary>
    public required int TentativeOverlaps { get; init; }

    /// <summary>Optional interviewers who attend, summed over sessions.</summary>
    public required int OptionalAttending { get; init; }

    /// <summary>Optional interviewers invited, summed over sessions.</summary>
    public required int OptionalInvited { get; init; }

    /// <summary>Short machine- and human-readable reasons for the rank.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
