namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>An acknowledgment email ready to send: an HTML body with its plain-text alternative.</summary>
/// <param name="ToAddress">The candidate's address.</param>
/// <param name="ToName">The candidate's name.</param>
/// <param name="Subject">Plain text (not HTML).</param>
/// <param name="Html">The HTML body; every value from the application in it is HTML-encoded.</param>
/// <param name="Text">The same letter as plain text.</param>
public sealed record AcknowledgmentLetter(string ToAddress, string ToName, string Subject, string Html, string Text);
