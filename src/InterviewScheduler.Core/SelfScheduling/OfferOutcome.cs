namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>What a recruiter's offer came to.</summary>
public enum OfferOutcome
{
    /// <summary>The offer is stored and its email sent (now, or by an earlier copy of the same request).</summary>
    Sent,

    /// <summary>The offer is stored and its email was handed to Exchange; its copy in Sent Items is not filed yet.</summary>
    Sending,

    /// <summary>The offer is stored but its email could not go now (pacing, throttling, a lost answer, another request at it): repeat the request after the delay.</summary>
    Deferred,

    /// <summary>The email can never be sent (an address refused, a mailbox missing); the offer is stored with the reason.</summary>
    Failed,

    /// <summary>No such application.</summary>
    UnknownApplication,

    /// <summary>Some interviewers are unknown to the tenant; nothing stored or sent.</summary>
    UnknownInterviewers,

    /// <summary>No time in the window works for the whole panel; nothing stored or sent.</summary>
    NoTimes,

    /// <summary>Self-scheduling has no signing key; nothing stored or sent.</summary>
    NotConfigured,
}
