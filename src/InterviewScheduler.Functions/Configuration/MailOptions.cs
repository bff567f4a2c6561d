namespace InterviewScheduler.Functions.Configuration;

/// <summary>Outgoing mail settings (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The mailbox acknowledgments are sent from, e.g. <c>recruiting@contoso.com</c>.</summary>
    public string SenderMailbox { get; set; } = "";
}
