namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// A request whose outcome is unknown (a 5xx, a timeout, a dropped connection): it may have taken effect. Never
/// repeat it blindly; read where the acknowledgment stands first.
/// </summary>
public sealed class MailOutcomeUnknownException : Exception
{
    public MailOutcomeUnknownException()
    {
    }

    public MailOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public MailOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
