namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Sends acknowledgment emails and finds them again in the sender's Sent Items.</summary>
public interface IAcknowledgmentMailer
{
    /// <summary>Sends <paramref name="letter"/> from <paramref name="senderMailbox"/>, carrying <paramref name="marker"/>.</summary>
    /// <exception cref="MailThrottledException">The mail service refused for now; nothing was sent.</exception>
    Task SendAsync(string senderMailbox, AcknowledgmentLetter letter, string marker, CancellationToken cancellationToken);

    /// <summary>When the email carrying <paramref name="marker"/> was sent, if it is in the sender's Sent Items.</summary>
    Task<DateTimeOffset?> FindSentAsync(string senderMailbox, string marker, CancellationToken cancellationToken);
}

/// <summary>The mail service refused a send for now (429 or 503); nothing was sent. Try again after <see cref="RetryAfter"/>.</summary>
public sealed class MailThrottledException : Exception
{
    public MailThrottledException()
    {
    }

    public MailThrottledException(string message)
        : base(message)
    {
    }

    public MailThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailThrottledException(TimeSpan retryAfter, Exception? innerException = null)
        : base($"Mail sending throttled; retry after {retryAfter.TotalSeconds:0} s.", innerException) => RetryAfter = retryAfter;

    /// <summary>How long the service asked us to wait.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(30);
}
