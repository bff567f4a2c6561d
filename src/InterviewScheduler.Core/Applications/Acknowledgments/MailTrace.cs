namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Where an acknowledgment stands in the sender's mailbox.</summary>
/// <param name="Place">Drafts, Sent Items, or neither.</param>
/// <param name="DraftId">The draft's immutable id, when it is a draft.</param>
/// <param name="SentAt">When it was sent (UTC), when it is in Sent Items.</param>
public sealed record MailTrace(MailPlace Place, string? DraftId = null, DateTimeOffset? SentAt = null)
{
    public static MailTrace Nowhere { get; } = new(MailPlace.Nowhere);
}
