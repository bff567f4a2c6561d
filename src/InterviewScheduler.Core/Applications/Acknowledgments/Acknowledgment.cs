namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// The state of one application's acknowledgment email, kept on the application so that every attempt, on any
/// instance, sees what the earlier ones did.
/// <see cref="AcknowledgmentStatus.Sending"/> means an attempt began: a draft carrying <see cref="Marker"/> may exist
/// (its immutable id in <see cref="DraftId"/> once known) and may have been sent (<see cref="SendRequestedAt"/>).
/// The next attempt reads the mailbox before doing anything, so no second email can start while the first may go out.
/// </summary>
/// <param name="Status">Where the email stands.</param>
/// <param name="Attempts">Attempts begun so far (throttled ones included); the backoff grows with it.</param>
/// <param name="SentAt">When Exchange accepted the send (UTC), once sent.</param>
/// <param name="Marker">The unique marker the draft carries as a named extended property, set before the first draft.</param>
/// <param name="SenderMailbox">The mailbox of the pool that sends it; kept for the application's life.</param>
public sealed record Acknowledgment(AcknowledgmentStatus Status, int Attempts, DateTimeOffset? SentAt, string? Marker, string? SenderMailbox)
{
    /// <summary>When the latest attempt began (UTC).</summary>
    public DateTimeOffset? MarkedAt { get; init; }

    /// <summary>When the first attempt began (UTC): the retry horizon counts from here.</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>The draft's immutable id, recorded before it is sent; null until a draft is known.</summary>
    public string? DraftId { get; init; }

    /// <summary>When a send of the draft was last requested (UTC); null while no send was asked for.</summary>
    public DateTimeOffset? SendRequestedAt { get; init; }

    /// <summary>When the next attempt is due (UTC), after a backoff; null when due now.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Why the latest attempt did not finish, or why the acknowledgment failed: a code and a short reason, never an address.</summary>
    public string? LastError { get; init; }

    /// <summary>Nothing attempted yet.</summary>
    public static Acknowledgment Pending { get; } = new(AcknowledgmentStatus.Pending, 0, null, null, null);
}
