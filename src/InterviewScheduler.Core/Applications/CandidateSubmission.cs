namespace InterviewScheduler.Core.Applications;

/// <summary>The <c>candidate</c> object of a submission.</summary>
public sealed record CandidateSubmission(string? Name, string? Email, string? TimeZone);
