using InterviewScheduler.Sandbox.Calendar;

namespace InterviewScheduler.Sandbox.Mail;

/// <summary>
/// One message in one mailbox folder (a draft, the sender's Sent Items copy or a tenant recipient's Inbox copy), as
/// Graph returns it. Each copy has its own <see cref="Id"/> and <see cref="ImmutableId"/>; the copies share
/// <see cref="InternetMessageId"/>. Immutable.
/// </summary>
public sealed record SandboxMessage
{
    /// <summary>The default (REST) id Graph returns without <c>Prefer: IdType="ImmutableId"</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The id Graph returns with <c>Prefer: IdType="ImmutableId"</c>; it survives moves between folders.</summary>
    public string ImmutableId { get; init; } = string.Empty;

    /// <summary>True for a message saved in Drafts and not yet sent.</summary>
    public bool IsDraft { get; init; }

    /// <summary>How many times the message was saved after it was created; its change key follows it.</summary>
    public int Revision { get; init; }

    /// <summary>Address of the mailbox holding this copy.</summary>
    public required string Mailbox { get; init; }

    /// <summary>Well-known folder name: <see cref="MailFolder.Drafts"/>, <see cref="MailFolder.SentItems"/> or <see cref="MailFolder.Inbox"/>.</summary>
    public required string Folder { get; init; }

    public required string Subject { get; init; }

    /// <summary><c>html</c> or <c>text</c>.</summary>
    public string BodyContentType { get; init; } = "html";

    public string BodyContent { get; init; } = string.Empty;

    /// <summary>The plain-text alternative of an HTML message sent in MIME form; null otherwise.</summary>
    public string? TextAlternative { get; init; }

    public required Recipient From { get; init; }

    public IReadOnlyList<Recipient> ToRecipients { get; init; } = [];

    public IReadOnlyList<Recipient> CcRecipients { get; init; } = [];

    public IReadOnlyList<Recipient> BccRecipients { get; init; } = [];

    /// <summary>RFC 5322 Message-ID, the same on every copy, for example <c>&lt;…@contoso.com&gt;</c>.</summary>
    public required string InternetMessageId { get; init; }

    public required string ConversationId { get; init; }

    /// <summary>Custom <c>X-</c> headers the sender set (Graph's <c>internetMessageHeaders</c>).</summary>
    public IReadOnlyList<MessageHeader> InternetMessageHeaders { get; init; } = [];

    /// <summary>MAPI single-value extended properties the sender set, for example a marker to find the message again.</summary>
    public IReadOnlyList<ExtendedProperty> SingleValueExtendedProperties { get; init; } = [];

    /// <summary>When it was sent (UTC), also its received time; for a draft, when it was last saved.</summary>
    public required DateTimeOffset Sent { get; init; }

    /// <summary>Every recipient: To, Cc and Bcc.</summary>
    public IEnumerable<Recipient> AllRecipients => ToRecipients.Concat(CcRecipients).Concat(BccRecipients);
}

/// <summary>An internet message header name and value.</summary>
public sealed record MessageHeader(string Name, string Value);

/// <summary>A single-value extended property: its id (for example <c>String {guid} Name Marker</c>) and value.</summary>
public sealed record ExtendedProperty(string Id, string Value);

/// <summary>Well-known mail folder names the sandbox keeps.</summary>
public static class MailFolder
{
    public const string Drafts = "Drafts";
    public const string SentItems = "SentItems";
    public const string Inbox = "Inbox";

    /// <summary>The canonical spelling of a well-known folder name (case-insensitive), or null.</summary>
    public static string? Normalize(string name) =>
        name.Equals(SentItems, StringComparison.OrdinalIgnoreCase) ? SentItems
        : name.Equals(Inbox, StringComparison.OrdinalIgnoreCase) ? Inbox
        : name.Equals(Drafts, StringComparison.OrdinalIgnoreCase) ? Drafts
        : null;
}

/// <summary>What a client asks <c>sendMail</c> to send.</summary>
public sealed record OutgoingMessage
{
    public string Subject { get; init; } = string.Empty;
    public string BodyContentType { get; init; } = "html";
    public string BodyContent { get; init; } = string.Empty;
    public string? TextAlternative { get; init; }
    public IReadOnlyList<Recipient> ToRecipients { get; init; } = [];
    public IReadOnlyList<Recipient> CcRecipients { get; init; } = [];
    public IReadOnlyList<Recipient> BccRecipients { get; init; } = [];
    public IReadOnlyList<MessageHeader> InternetMessageHeaders { get; init; } = [];
    public IReadOnlyList<ExtendedProperty> SingleValueExtendedProperties { get; init; } = [];
}
