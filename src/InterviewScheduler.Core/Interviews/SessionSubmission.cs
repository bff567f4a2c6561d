namespace InterviewScheduler.Core.Interviews;

/// <summary>A <c>sessions[i]</c> object.</summary>
public sealed record SessionSubmission(string? Title, int? DurationMinutes, int? MinimumOptional, IReadOnlyList<InterviewerSubmission?>? Interviewers);
