namespace InterviewScheduler.Core.Applications;

/// <summary>The outcome of <see cref="SubmissionValidation.Validate"/>: valid when <see cref="Errors"/> is empty.</summary>
public sealed record ValidatedSubmission(Candidate? Candidate, JobRole? Role, string Source, string? ExternalId, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The recruiter given for this application, if any.</summary>
    public string? RecruiterEmail { get; init; }

    /// <summary>False when the source says the candidate may not be emailed: stored without an acknowledgment.</summary>
    public bool CanEmail { get; init; } = true;

    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// What makes two submissions the same application: the source and its external id, or, without an
    /// external id, the normalised email and the role id.
    /// </summary>
    public string DeduplicationKey => DeduplicationKeys.For(Source, ExternalId, Candidate!.Email, Role!.Id);
}
