namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>The mail service refused a request for now (429); nothing happened. Try again after <see cref="RetryAfter"/>.</summary>
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
        : base($"Mail service throttled; retry after {retryAfter.TotalSeconds:0} s.", innerException) => RetryAfter = retryAfter;

    /// <summary>How long the service asked us to wait.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(30);
}
