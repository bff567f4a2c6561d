namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// The mailbox side of an acknowledgment: a draft that carries a marker, its send, and reading where it stands.
/// Exactly once rests on this shape: a draft is made once, its id recorded, and only that draft is ever sent.
/// </summary>
/// <remarks>
/// Each method throws <see cref="MailThrottledException"/> when refused for now (nothing happened),
/// <see cref="MailRejectedException"/> for an error no retry can fix, and <see cref="MailOutcomeUnknownException"/>
/// when the request may or may not have taken effect (a 5xx or a timeout): read with <see cref="TraceAsync"/>.
/// </remarks>
public interface IAcknowledgmentMailer
{
    /// <summary>Saves <paramref name="letter"/> as a draft in <paramref name="senderMailbox"/>, carrying <paramref name="marker"/>.</summary>
    /// <returns>The draft's immutable id.</returns>
    Task<string> CreateDraftAsync(string senderMailbox, AcknowledgmentLetter letter, string marker, CancellationToken cancellationToken);

    /// <summary>Asks Exchange to send the draft; it reaches Sent Items some time after this returns.</summary>
    Task SendDraftAsync(string senderMailbox, string draftId, CancellationToken cancellationToken);

    /// <summary>
    /// Where the acknowledgment carrying <paramref name="marker"/> is: still a draft (with its id), in Sent Items,
    /// or nowhere to be seen (never drafted, or sent and not yet in Sent Items).
    /// </summary>
    /// <param name="draftId">The recorded draft id, if any; without it the draft is looked for by its marker.</param>
    Task<MailTrace> TraceAsync(string senderMailbox, string? draftId, string marker, CancellationToken cancellationToken);
}
