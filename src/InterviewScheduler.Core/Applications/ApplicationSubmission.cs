namespace InterviewScheduler.Core.Applications;

/// <summary>
/// An application as posted to the intake route, before validation: every field may be missing or wrong.
/// </summary>
public sealed record ApplicationSubmission(CandidateSubmission? Candidate, RoleSubmission? Role, string? Source, string? ExternalId);

/// <summary>The <c>candidate</c> object of a submission.</summary>
public sealed record CandidateSubmission(string? Name, string? Email, string? TimeZone);

/// <summary>The <c>role</c> object of a submission.</summary>
public sealed record RoleSubmission(string? Id, string? Title);
