namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>Acknowledgment mail settings (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The mailbox acknowledgments are sent from, e.g. <c>recruiting@contoso.com</c>.</summary>
    public string SenderMailbox { get; set; } = "";

    /// <summary>Sends allowed per sender mailbox per minute, across all instances; 0 switches pacing off.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Deliveries of one acknowledgment message before it is given up as failed (host.json's maxDequeueCount).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Business days within which the letter promises the candidate a reply.</summary>
    public int ReplyWithinBusinessDays { get; set; } = 5;

    /// <summary>The company name the letter signs with.</summary>
    public string CompanyName { get; set; } = "Contoso";

    /// <summary>
    /// A folder with <c>acknowledgment.html.liquid</c> and <c>acknowledgment.txt.liquid</c> replacing the
    /// built-in letter; empty for the built-in one.
    /// </summary>
    public string? TemplateDirectory { get; set; }
}
