namespace InterviewScheduler.Core.Interviews;

/// <summary>An interviewer of a session, required unless <see cref="Optional"/>.</summary>
public sealed record InterviewerRequest(string Email, bool Optional);
