namespace InterviewScheduler.Core.Applications;

/// <summary>
/// An application as posted to the intake route, before validation: every field may be missing or wrong.
/// </summary>
/// <param name="RecruiterEmail">The recruiter who owns this application; invited to its debrief instead of the configured one.</param>
public sealed record ApplicationSubmission(CandidateSubmission? Candidate, RoleSubmission? Role, string? Source, string? ExternalId, string? RecruiterEmail = null);

/// <summary>The <c>candidate</c> object of a submission.</summary>
public sealed record CandidateSubmission(string? Name, string? Email, string? TimeZone);

/// <summary>The <c>role</c> object of a submission.</summary>
public sealed record RoleSubmission(string? Id, string? Title);
