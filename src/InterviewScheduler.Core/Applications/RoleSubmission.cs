namespace InterviewScheduler.Core.Applications;

/// <summary>The <c>role</c> object of a submission.</summary>
public sealed record RoleSubmission(string? Id, string? Title);
