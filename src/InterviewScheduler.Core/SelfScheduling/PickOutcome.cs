namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>What a candidate's pick came to.</summary>
public enum PickOutcome
{
    /// <summary>The picked time is booked: now, or by the same pick before (the same answer again).</summary>
    Booked,

    /// <summary>The link was already used for another time; nothing new is booked.</summary>
    Used,

    /// <summary>The link is not valid, expired, or the feature is off (see <see cref="PickResult.Link"/>); nothing booked.</summary>
    Refused,

    /// <summary>The booking did not happen (see <see cref="PickResult.Booking"/>: the time was taken, another booking is under way, ...).</summary>
    NotBooked,
}
