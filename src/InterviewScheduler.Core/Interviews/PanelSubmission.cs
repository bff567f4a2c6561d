namespace InterviewScheduler.Core.Interviews;

/// <summary>The body of the options and booking routes, before validation: every field may be missing or wrong.</summary>
public sealed record PanelSubmission(
    IReadOnlyList<SessionSubmission?>? Sessions,
    WindowSubmission? Window,
    IReadOnlyList<WindowSubmission?>? CandidateAvailability,
    int? MaxOptions,
    DateTimeOffset? Start);
