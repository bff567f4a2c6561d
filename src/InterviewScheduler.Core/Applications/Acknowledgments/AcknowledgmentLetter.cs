namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// An acknowledgment email ready to send. HTML only: the draft is created in JSON so that its marker is set in
/// the same request, and Graph's JSON message has one body (Exchange derives the plain-text part when it sends).
/// </summary>
/// <param name="ToAddress">The candidate's address.</param>
/// <param name="ToName">The candidate's name.</param>
/// <param name="Subject">Plain text (not HTML).</param>
/// <param name="Html">The HTML body; every value from the application in it is HTML-encoded.</param>
public sealed record AcknowledgmentLetter(string ToAddress, string ToName, string Subject, string Html);
