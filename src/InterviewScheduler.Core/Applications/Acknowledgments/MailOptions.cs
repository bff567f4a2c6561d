using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Acknowledgment mail settings (configuration section <c>Mail</c>), checked at start-up by <see cref="MailOptionsValidator"/>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    private const string MissingSender = "Missing or invalid setting Mail:SenderMailbox: the mailbox acknowledgments are sent from.";

    /// <summary>The mailbox acknowledgments are sent from, e.g. <c>recruiting@contoso.com</c>; the first of the pool.</summary>
    [Required(ErrorMessage = MissingSender)]
    [Mailbox(ErrorMessage = MissingSender)]
    public string SenderMailbox { get; set; } = "";

    /// <summary>More mailboxes that share the sending (a pool): each application keeps the one it was given.</summary>
    [Mailbox(ErrorMessage = "Mail:SenderMailboxes lists something that is not a mailbox address.")]
    public IList<string> SenderMailboxes { get; } = [];

    /// <summary>Messages allowed per sender mailbox in any 60 seconds, across all instances (Exchange: 30); 0 switches pacing off.</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = "Mail:MessagesPerMinute must be 0 (unpaced) or more.")]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Recipients allowed per sender mailbox in any 24 hours, across all instances (Exchange: 10,000).</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "Mail:RecipientsPerDay must be at least 1.")]
    public int RecipientsPerDay { get; set; } = 10_000;

    /// <summary>Graph requests in flight per sender mailbox, across all instances (Outlook: 4 per app and mailbox).</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = "Mail:ConcurrentRequestsPerMailbox must be 0 (unlimited) or more.")]
    public int ConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>How long one Graph mail request may take before its outcome counts as unknown (then read, never repeated blindly).</summary>
    [SettingRange(1, 300, ErrorMessage = "Mail:RequestTimeoutSeconds must be between 1 and 300.")]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long transient failures are retried, counted from the first attempt, before the acknowledgment is failed.</summary>
    [SettingRange(0d, 168d, MinimumIsExclusive = true, ErrorMessage = "Mail:RetryHorizonHours must be more than 0 and at most 168 (a week).")]
    public double RetryHorizonHours { get; set; } = 24;

    /// <summary>Business days within which the letter promises the candidate a reply.</summary>
    public int ReplyWithinBusinessDays { get; set; } = 5;

    /// <summary>The company name the letter signs with.</summary>
    public string CompanyName { get; set; } = "Contoso";

    /// <summary>
    /// A folder with <c>acknowledgment.html.liquid</c> replacing the built-in letter; empty for the built-in one.
    /// </summary>
    [ExistingFolder(ErrorMessage = "Mail:TemplateDirectory names a folder that does not exist.")]
    public string? TemplateDirectory { get; set; }

    /// <summary>The pool: <see cref="SenderMailbox"/> then <see cref="SenderMailboxes"/>, once each.</summary>
    public IReadOnlyList<string> Senders =>
        [.. new[] { SenderMailbox }.Concat(SenderMailboxes).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The pool mailbox an application is sent from: spread evenly, and always the same one for an application.</summary>
    public string SenderFor(string applicationId)
    {
        ArgumentNullException.ThrowIfNull(applicationId);
        var senders = Senders;
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(applicationId)), 0);
        return senders[(int)(hash % (uint)senders.Count)];
    }
}
