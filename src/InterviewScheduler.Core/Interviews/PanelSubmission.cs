namespace InterviewScheduler.Core.Interviews;

/// <summary>The body of the options and booking routes, before validation: every field may be missing or wrong.</summary>
public sealed record PanelSubmission(
    IReadOnlyList<SessionSubmission?>? Sessions,
    WindowSubmission? Window,
    IReadOnlyList<WindowSubmission?>? CandidateAvailability,
    int? MaxOptions,
    DateTimeOffset? Start);

/// <summary>A <c>sessions[i]</c> object.</summary>
public sealed record SessionSubmission(string? Title, int? DurationMinutes, int? MinimumOptional, IReadOnlyList<InterviewerSubmission?>? Interviewers);

/// <summary>A <c>sessions[i].interviewers[j]</c> object.</summary>
public sealed record InterviewerSubmission(string? Email, bool? Optional);

/// <summary>A time range as posted: <c>{"start": ..., "end": ...}</c> with offsets.</summary>
public sealed record WindowSubmission(DateTimeOffset? Start, DateTimeOffset? End);
