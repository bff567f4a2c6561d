namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// The mail service refused for good (an invalid recipient, a mailbox that does not exist, access denied): no retry
/// can succeed. <see cref="Reason"/> is Graph's error code and a short explanation, without addresses.
/// </summary>
public sealed class MailRejectedException : Exception
{
    public MailRejectedException()
        : this("unknown", "The mail service rejected the request.")
    {
    }

    public MailRejectedException(string message)
        : this("unknown", message)
    {
    }

    public MailRejectedException(string message, Exception innerException)
        : base(message, innerException) => Reason = message;

    public MailRejectedException(string code, string explanation, Exception? innerException = null)
        : base($"{code}: {explanation}", innerException) => Reason = $"{code}: {explanation}";

    /// <summary>What the recruiter sees on the application: the code and why.</summary>
    public string Reason { get; }
}
