using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Mail;

namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    // Mailbox address -> folder -> messages in arrival order.
    private readonly Dictionary<string, Dictionary<string, List<SandboxMessage>>> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SandboxMessage> _sentLog = [];

    /// <summary>
    /// Sends a message from a tenant mailbox: it lands in the sender's Sent Items (unless
    /// <paramref name="saveToSentItems"/> is false) and in the Inbox of each tenant recipient.
    /// </summary>
    /// <returns>The sender's copy (also when it was not saved).</returns>
    /// <exception cref="KeyNotFoundException">The sender mailbox does not exist.</exception>
    public SandboxMessage SendMail(string sender, OutgoingMessage message, bool saveToSentItems = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var from = FindUserLocked(sender) ?? throw new KeyNotFoundException($"No mailbox '{sender}'.");
            var sent = new SandboxMessage
            {
                Id = NewMessageIdLocked(),
                Mailbox = from.Address,
                Folder = MailFolder.SentItems,
                Subject = message.Subject,
                BodyContentType = message.BodyContentType,
                BodyContent = message.BodyContent,
                TextAlternative = message.TextAlternative,
                From = new Recipient(from.Address, from.DisplayName),
                ToRecipients = message.ToRecipients,
                CcRecipients = message.CcRecipients,
                BccRecipients = message.BccRecipients,
                InternetMessageId = $"<{NextHexLocked(16)}@{from.Address[(from.Address.IndexOf('@', StringComparison.Ordinal) + 1)..]}>",
                ConversationId = "AAQkAGI2" + NextTokenLocked(24),
                InternetMessageHeaders = message.InternetMessageHeaders,
                SingleValueExtendedProperties = message.SingleValueExtendedProperties,
                Sent = TimeProvider.GetUtcNow(),
            };
            _sentLog.Add(sent);
            if (saveToSentItems) FolderLocked(from.Address, MailFolder.SentItems).Add(sent);

            var delivered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var recipient in message.ToRecipients.Concat(message.CcRecipients).Concat(message.BccRecipients))
            {
                var user = FindUserLocked(recipient.Address);
                if (user is null || !delivered.Add(user.Address)) continue;
                // The extended properties stay with the sender's copy; recipients get headers, as over SMTP.
                FolderLocked(user.Address, MailFolder.Inbox).Add(sent with
                {
                    Id = NewMessageIdLocked(),
                    Mailbox = user.Address,
                    Folder = MailFolder.Inbox,
                    BccRecipients = [],
                    SingleValueExtendedProperties = [],
                });
            }

            return sent;
        }
    }

    /// <summary>The messages in one folder of a mailbox, newest first (as Graph lists them); empty for an unknown mailbox or folder.</summary>
    public IReadOnlyList<SandboxMessage> MessagesIn(string mailbox, string folder)
    {
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            var name = MailFolder.Normalize(folder);
            if (user is null || name is null) return [];
            return [.. Enumerable.Reverse(FolderLocked(user.Address, name))];
        }
    }

    /// <summary>Every message sent through the tenant, oldest first, whatever saveToSentItems said.</summary>
    public IReadOnlyList<SandboxMessage> SentMail()
    {
        lock (_gate)
        {
            return [.. _sentLog];
        }
    }

    /// <summary>The message with this id in a mailbox (any folder), or null.</summary>
    public SandboxMessage? FindMessage(string mailbox, string messageId)
    {
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            if (user is null || !_mailboxes.TryGetValue(user.Address, out var folders)) return null;
            return folders.Values.SelectMany(f => f).FirstOrDefault(m => m.Id == messageId);
        }
    }

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
}
