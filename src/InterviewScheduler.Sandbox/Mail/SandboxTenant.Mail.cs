using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.Sandbox;

/// <remarks>
/// Mail follows Microsoft's documentation, not our product's wishes (each rule's page is in the README):
/// a send is accepted (202) and finished later, so the message is in no folder until <see cref="SentItemsDelay"/>
/// has passed; the Sent Items copy carries no internet headers; sending counts against Exchange's per-mailbox
/// limits. Where the documentation disagrees with itself, the stricter reading is the default and the other a setting.
/// </remarks>
public sealed partial class SandboxTenant
{
    // Mailbox address -> folder -> messages in arrival order.
    private readonly Dictionary<string, Dictionary<string, List<SandboxMessage>>> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SandboxMessage> _sentLog = [];

    // Accepted sends whose Sent Items (and recipients' Inbox) copies appear at Due; recipients get the headers.
    private readonly List<(SandboxMessage SentCopy, IReadOnlyList<MessageHeader> Headers, bool SaveToSentItems, DateTimeOffset Due)> _inTransit = [];

    /// <summary>
    /// How long after a send is accepted its copy appears in Sent Items (and in tenant recipients' Inboxes); until
    /// then the message is in no folder. Graph says only that it "may take time" (default 2 s).
    /// </summary>
    public TimeSpan SentItemsDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// False (the default, after mail-api-overview.md): the Sent Items copy of a sent draft gets new ids, the
    /// immutable one included. True follows outlook-immutable-id.md, where the draft's immutable id finds the copy.
    /// </summary>
    public bool SentCopyKeepsImmutableId { get; set; }

    /// <summary>
    /// False (the default): the Sent Items copy has no internet message headers and none of their
    /// PS_INTERNET_HEADERS extended properties, as Graph's documentation owners state. True keeps them, as was
    /// reported for some shared mailboxes.
    /// </summary>
    public bool SentItemsKeepInternetHeaders { get; set; }

    /// <summary>
    /// Sends every message goes through, whatever <c>saveToSentItems</c> said, in the order they were accepted
    /// (a message accepted is on its way even while it is in no folder).
    /// </summary>
    public IReadOnlyList<SandboxMessage> SentMail()
    {
        lock (_gate)
        {
            return [.. _sentLog];
        }
    }

    /// <summary>
    /// Sends a message from a tenant mailbox (<c>sendMail</c>): accepted now, in the sender's Sent Items (unless
    /// <paramref name="saveToSentItems"/> is false) and tenant recipients' Inboxes after <see cref="SentItemsDelay"/>.
    /// </summary>
    /// <returns>The accepted send, or the Exchange limit it hit.</returns>
    /// <exception cref="KeyNotFoundException">The sender mailbox does not exist.</exception>
    public SendOutcome SendMail(string sender, OutgoingMessage message, bool saveToSentItems = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var from = FindUserLocked(sender) ?? throw new KeyNotFoundException($"No mailbox '{sender}'.");
            var draft = NewMessageLocked(from, message, MailFolder.Drafts) with { IsDraft = true };
            return SubmitLocked(from, draft, saveToSentItems);
        }
    }

    /// <summary>Saves a new draft in the mailbox's Drafts folder (<c>POST /users/{id}/messages</c>).</summary>
    /// <exception cref="KeyNotFoundException">The mailbox does not exist.</exception>
    public SandboxMessage CreateDraft(string mailbox, OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var owner = FindUserLocked(mailbox) ?? throw new KeyNotFoundException($"No mailbox '{mailbox}'.");
            var draft = NewMessageLocked(owner, message, MailFolder.Drafts) with { IsDraft = true };
            FolderLocked(owner.Address, MailFolder.Drafts).Add(draft);
            return draft;
        }
    }

    /// <summary>Changes a draft (<c>PATCH</c>); null when there is no such draft.</summary>
    public SandboxMessage? UpdateDraft(string mailbox, string messageId, Func<SandboxMessage, SandboxMessage> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (FindLocked(mailbox, messageId) is not { Message.IsDraft: true } found) return null;
            var changed = change(found.Message) with { Id = found.Message.Id, ImmutableId = found.Message.ImmutableId, Sent = TimeProvider.GetUtcNow(), Revision = found.Message.Revision + 1 };
            found.Folder[found.Index] = changed;
            return changed;
        }
    }

    /// <summary>Deletes a message from whatever folder holds it; false when there is none.</summary>
    public bool DeleteMessage(string mailbox, string messageId)
    {
        lock (_gate)
        {
            if (FindLocked(mailbox, messageId) is not { } found) return false;
            found.Folder.RemoveAt(found.Index);
            return true;
        }
    }

    /// <summary>
    /// Sends a draft (<c>POST …/messages/{id}/send</c>): it leaves Drafts at once and its copy reaches Sent Items
    /// after <see cref="SentItemsDelay"/>. A message that is not a draft (already sent, in transit or deleted)
    /// cannot be sent: <see cref="SendOutcome.NotFound"/>.
    /// </summary>
    public SendOutcome SendDraft(string mailbox, string messageId)
    {
        lock (_gate)
        {
            if (FindUserLocked(mailbox) is not { } owner) return SendOutcome.NotFound;
            if (FindLocked(owner.Address, messageId) is not { Message.IsDraft: true } found) return SendOutcome.NotFound;
            if (!found.Message.AllRecipients.Any()) return SendOutcome.NoRecipients;
            var outcome = SubmitLocked(owner, found.Message, saveToSentItems: true);
            if (outcome.Accepted) found.Folder.RemoveAt(found.Index);
            return outcome;
        }
    }

    /// <summary>The messages in one folder of a mailbox, newest first (as Graph lists them); empty for an unknown mailbox or folder.</summary>
    public IReadOnlyList<SandboxMessage> MessagesIn(string mailbox, string folder)
    {
        lock (_gate)
        {
            SettleLocked();
            var user = FindUserLocked(mailbox);
            var name = MailFolder.Normalize(folder);
            if (user is null || name is null) return [];
            return [.. Enumerable.Reverse(FolderLocked(user.Address, name))];
        }
    }

    /// <summary>The message with this id or immutable id in a mailbox (any folder), or null.</summary>
    public SandboxMessage? FindMessage(string mailbox, string messageId)
    {
        lock (_gate)
        {
            return FindLocked(mailbox, messageId)?.Message;
        }
    }

    private (List<SandboxMessage> Folder, int Index, SandboxMessage Message)? FindLocked(string mailbox, string messageId)
    {
        SettleLocked();
        var user = FindUserLocked(mailbox);
        if (user is null || !_mailboxes.TryGetValue(user.Address, out var folders)) return null;
        foreach (var folder in folders.Values)
        {
            var index = folder.FindIndex(m => m.Id == messageId || m.ImmutableId == messageId);
            if (index >= 0) return (folder, index, folder[index]);
        }

        return null;
    }

    private SendOutcome SubmitLocked(SandboxUser sender, SandboxMessage draft, bool saveToSentItems)
    {
        var now = TimeProvider.GetUtcNow();
        var recipients = draft.AllRecipients.Count();
        if (ExchangeLimitLocked(sender.Address, recipients, now) is { } refused) return refused;

        // The Sent Items copy: new ids unless the immutable id is kept; no internet headers (nor their
        // PS_INTERNET_HEADERS properties) unless kept; named extended properties stay with the item.
        var copy = draft with
        {
            Id = NewMessageIdLocked(),
            ImmutableId = SentCopyKeepsImmutableId ? draft.ImmutableId : NewImmutableIdLocked(),
            IsDraft = false,
            Folder = MailFolder.SentItems,
            Sent = now,
            InternetMessageHeaders = SentItemsKeepInternetHeaders ? draft.InternetMessageHeaders : [],
            SingleValueExtendedProperties = SentItemsKeepInternetHeaders
                ? draft.SingleValueExtendedProperties
                : [.. draft.SingleValueExtendedProperties.Where(p => !p.Id.Contains(MimeSubmission.InternetHeadersPropertySet, StringComparison.OrdinalIgnoreCase))],
        };
        _sentLog.Add(copy with { InternetMessageHeaders = draft.InternetMessageHeaders });
        _inTransit.Add((copy, draft.InternetMessageHeaders, saveToSentItems, now + SentItemsDelay));
        SettleLocked();
        return SendOutcome.Accept(copy);
    }

    /// <summary>Moves the sends whose time has come into Sent Items and the tenant recipients' Inboxes.</summary>
    private void SettleLocked()
    {
        var now = TimeProvider.GetUtcNow();
        for (var i = 0; i < _inTransit.Count; i++)
        {
            var (copy, headers, save, due) = _inTransit[i];
            if (due > now) continue;
            _inTransit.RemoveAt(i--);
            if (save) FolderLocked(copy.Mailbox, MailFolder.SentItems).Add(copy);

            var delivered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var recipient in copy.AllRecipients)
            {
                var user = FindUserLocked(recipient.Address);
                if (user is null || !delivered.Add(user.Address)) continue;
                // Recipients get the internet headers, as over SMTP; the sender's extended properties stay behind.
                FolderLocked(user.Address, MailFolder.Inbox).Add(copy with
                {
                    Id = NewMessageIdLocked(),
                    ImmutableId = NewImmutableIdLocked(),
                    Mailbox = user.Address,
                    Folder = MailFolder.Inbox,
                    BccRecipients = [],
                    InternetMessageHeaders = headers,
                    SingleValueExtendedProperties = [],
                });
            }
        }
    }

    private SandboxMessage NewMessageLocked(SandboxUser owner, OutgoingMessage message, string folder) => new()
    {
        Id = NewMessageIdLocked(),
        ImmutableId = NewImmutableIdLocked(),
        Mailbox = owner.Address,
        Folder = folder,
        Subject = message.Subject,
        BodyContentType = message.BodyContentType,
        BodyContent = message.BodyContent,
        TextAlternative = message.TextAlternative,
        From = new Recipient(owner.Address, owner.DisplayName),
        ToRecipients = message.ToRecipients,
        CcRecipients = message.CcRecipients,
        BccRecipients = message.BccRecipients,
        InternetMessageId = $"<{NextHexLocked(16)}@{owner.Address[(owner.Address.IndexOf('@', StringComparison.Ordinal) + 1)..]}>",
        ConversationId = "AAQkAGI2" + NextTokenLocked(24),
        InternetMessageHeaders = message.InternetMessageHeaders,
        SingleValueExtendedProperties = message.SingleValueExtendedProperties,
        Sent = TimeProvider.GetUtcNow(),
    };

    private List<SandboxMessage> FolderLocked(string address, string folder)
    {
        if (!_mailboxes.TryGetValue(address, out var folders))
        {
            folders = new Dictionary<string, List<SandboxMessage>>(StringComparer.OrdinalIgnoreCase);
            _mailboxes[address] = folders;
        }

        if (!folders.TryGetValue(folder, out var messages))
        {
            messages = [];
            folders[folder] = messages;
        }

        return messages;
    }

    private string NewMessageIdLocked() => "AAMkAGI2" + NextTokenLocked(60);

    private string NewImmutableIdLocked() => "AAkALgAA" + NextTokenLocked(60);
}
