namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// The state of one application's acknowledgment email.
/// <see cref="AcknowledgmentStatus.Sending"/> means an attempt was marked and may or may not have reached
/// Graph: the next attempt looks for <see cref="Marker"/> in the sender's Sent Items before sending again.
/// </summary>
/// <param name="Status">Where the email stands.</param>
/// <param name="Attempts">Send attempts begun so far (throttled attempts that sent nothing included).</param>
/// <param name="SentAt">When Graph accepted the email (UTC), once sent.</param>
/// <param name="Marker">The unique marker carried by the email, set before the first send.</param>
/// <param name="SenderMailbox">The mailbox that sends (or sent) it.</param>
public sealed record Acknowledgment(AcknowledgmentStatus Status, int Attempts, DateTimeOffset? SentAt, string? Marker, string? SenderMailbox)
{
    /// <summary>When the latest attempt was marked <see cref="AcknowledgmentStatus.Sending"/> (UTC).</summary>
    public DateTimeOffset? MarkedAt { get; init; }

    /// <summary>Nothing attempted yet.</summary>
    public static Acknowledgment Pending { get; } = new(AcknowledgmentStatus.Pending, 0, null, null, null);
}

/// <summary>Where an acknowledgment email stands.</summary>
public enum AcknowledgmentStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}
