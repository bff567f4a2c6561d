namespace InterviewScheduler.Sandbox.Mail;

/// <summary>What became of a send: accepted (with the Sent Items copy it will become), or why not.</summary>
public sealed record SendOutcome
{
    /// <summary>No draft with that id in the mailbox: never there, deleted, or already sent.</summary>
    public static readonly SendOutcome NotFound = new();

    /// <summary>The draft has no recipient.</summary>
    public static readonly SendOutcome NoRecipients = new();

    /// <summary>True when Exchange took the message; it is on its way.</summary>
    public bool Accepted => SentCopy is not null;

    /// <summary>The copy that reaches Sent Items once the send completes.</summary>
    public SandboxMessage? SentCopy { get; private init; }

    /// <summary>The Exchange limit that refused the send, with its Retry-After; null otherwise.</summary>
    public MailboxLimitHit? Limit { get; private init; }

    public static SendOutcome Accept(SandboxMessage copy) => new() { SentCopy = copy };

    public static SendOutcome Refuse(MailboxLimitHit limit) => new() { Limit = limit };
}

/// <summary>An Exchange limit a request hit: Graph's 429 error code, message and Retry-After.</summary>
public sealed record MailboxLimitHit(string Code, string Message, TimeSpan RetryAfter);
