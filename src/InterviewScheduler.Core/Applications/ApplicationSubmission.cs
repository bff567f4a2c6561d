namespace InterviewScheduler.Core.Applications;

/// <summary>
/// An application as posted to the intake route, before validation: every field may be missing or wrong.
/// </summary>
/// <param name="RecruiterEmail">The recruiter who owns this application; invited to its debrief instead of the configured one.</param>
public sealed record ApplicationSubmission(CandidateSubmission? Candidate, RoleSubmission? Role, string? Source, string? ExternalId, string? RecruiterEmail = null);
