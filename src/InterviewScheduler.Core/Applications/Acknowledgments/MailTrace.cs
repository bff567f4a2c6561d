namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Where an acknowledgment stands in the sender's mailbox.</summary>
/// <param name="Place">Drafts, Sent Items, or neither.</param>
/// <param name="DraftId">The draft's immutable id, when it is a draft.</param>
/// <param name="SentAt">When it was sent (UTC), when it is in Sent Items.</param>
public sealed record MailTrace(MailPlace Place, string? DraftId = null, DateTimeOffset? SentAt = null)
{
    public static MailTrace Nowhere { get; } = new(MailPlace.Nowhere);
}

/// <summary>The places an acknowledgment can be found.</summary>
public enum MailPlace
{
    /// <summary>Neither a draft nor in Sent Items: never drafted, or sent and not yet filed (the send completes after its 202).</summary>
    Nowhere,

    /// <summary>A draft not (yet) sent.</summary>
    Draft,

    /// <summary>Sent: its copy is in Sent Items.</summary>
    SentItems,
}
