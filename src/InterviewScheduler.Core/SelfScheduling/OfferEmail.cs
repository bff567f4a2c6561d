namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// The state of the email that carries an offer's link, kept on the offer so that every attempt sees what the
/// earlier ones did. Sent exactly once the way acknowledgments are: one draft carrying <see cref="Marker"/>, its id
/// recorded before it is sent, and the mailbox read before anything is done again.
/// </summary>
/// <param name="Marker">The marker the draft carries as a named extended property: one per offer.</param>
/// <param name="SenderMailbox">The mailbox it is sent from (the application's acknowledgment sender).</param>
public sealed record OfferEmail(string Marker, string SenderMailbox)
{
    /// <summary>Attempts begun; more than zero means a draft may exist, so the mailbox is read first.</summary>
    public int Attempts { get; init; }

    /// <summary>When the attempt under way began (UTC): a lease, so that two requests never draft at once; null between attempts.</summary>
    public DateTimeOffset? MarkedAt { get; init; }

    /// <summary>The draft's immutable id, recorded before it is sent.</summary>
    public string? DraftId { get; init; }

    /// <summary>When its send was asked for (UTC); after that the draft may be gone from Drafts and not yet in Sent Items.</summary>
    public DateTimeOffset? SendRequestedAt { get; init; }

    /// <summary>When Exchange accepted the send (UTC), once known.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why it can never be sent (Graph's error code and a reason, no address); null unless it failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary><c>sent</c>, <c>failed</c>, or <c>sending</c> (begun, or not begun yet).</summary>
    public string StatusName => SentAt is not null ? "sent" : FailureReason is not null ? "failed" : "sending";
}
