namespace InterviewScheduler.Core.Interviews;

/// <summary>A <c>sessions[i].interviewers[j]</c> object.</summary>
public sealed record InterviewerSubmission(string? Email, bool? Optional);
