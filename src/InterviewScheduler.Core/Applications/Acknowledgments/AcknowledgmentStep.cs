namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>The outcomes of an acknowledgment attempt.</summary>
public enum AcknowledgmentStep
{
    /// <summary>The email was sent now.</summary>
    Sent,

    /// <summary>An earlier attempt had sent it; found in Sent Items and recorded.</summary>
    FoundAlreadySent,

    /// <summary>Sent or failed before this attempt: nothing to do (a duplicate message).</summary>
    AlreadyDone,

    /// <summary>Not now (pacing, throttling, a retry after a failure, another attempt at work): try again after the delay.</summary>
    Deferred,

    /// <summary>An attempt is already scheduled for later; this message is a duplicate and is dropped.</summary>
    NotDue,

    /// <summary>Given up for good: a permanent error, or the retry horizon passed.</summary>
    Failed,

    /// <summary>No such application.</summary>
    UnknownApplication,
}
