namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>What a candidate's link is worth when it is used.</summary>
public enum LinkState
{
    /// <summary>Signed by the service for the application's current offer, not expired and not used.</summary>
    Open,

    /// <summary>Malformed, changed, signed with another key, or for an offer that is not the application's current one.</summary>
    Invalid,

    /// <summary>Genuine, but its time ran out before a pick.</summary>
    Expired,

    /// <summary>Genuine, and a time was already picked with it.</summary>
    Used,

    /// <summary>Self-scheduling has no signing key: no link can be checked.</summary>
    NotConfigured,
}
