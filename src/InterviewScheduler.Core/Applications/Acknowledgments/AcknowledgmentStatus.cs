namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Where an acknowledgment email stands.</summary>
public enum AcknowledgmentStatus
{
    /// <summary>No attempt has begun.</summary>
    Pending,

    /// <summary>An attempt began; whether a draft exists or was sent is read from the mailbox.</summary>
    Sending,

    /// <summary>Exchange accepted the send.</summary>
    Sent,

    /// <summary>Given up: a permanent error, or the retry horizon passed; <see cref="Acknowledgment.LastError"/> says why.</summary>
    Failed,
}
