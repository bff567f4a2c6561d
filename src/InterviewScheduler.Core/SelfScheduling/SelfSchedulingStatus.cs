namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>Where a self-scheduling offer stands at a given moment.</summary>
public enum SelfSchedulingStatus
{
    /// <summary>The link works: the candidate may still pick a time.</summary>
    Offered,

    /// <summary>The candidate picked a time and it was booked; the link is used.</summary>
    Picked,

    /// <summary>The link's time ran out before a pick.</summary>
    Expired,
}
