namespace InterviewScheduler.Core.Applications;

/// <summary>Where applications are kept. Writes are guarded by <see cref="JobApplication.Version"/>.</summary>
public interface IApplicationStore
{
    /// <summary>
    /// Stores <paramref name="application"/> unless an application with the same deduplication key exists,
    /// also when both arrive at the same moment; returns the stored application and whether this call stored it.
    /// </summary>
    Task<IntakeOutcome> AddOrGetAsync(JobApplication application, string deduplicationKey, CancellationToken cancellationToken);

    /// <summary>The application with this id, or null.</summary>
    Task<JobApplication?> FindAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored application if its version is still <paramref name="application"/>'s; returns the
    /// stored value with its new version, or null when someone else changed it first.
    /// </summary>
    Task<JobApplication?> TryReplaceAsync(JobApplication application, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of applications whose acknowledgment is not yet sent or failed and was due (<see cref="Acknowledgments.AcknowledgmentSweep.DueAt"/>)
    /// before <paramref name="dueBefore"/>.
    /// </summary>
    IAsyncEnumerable<string> FindUnacknowledgedAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the deduplication entry of <paramref name="deduplicationKey"/> if it still names
    /// <paramref name="applicationId"/> (erasure: a later submission of the same person is a new application).
    /// Removing one that is gone is done.
    /// </summary>
    Task ForgetDeduplicationKeyAsync(string deduplicationKey, string applicationId, CancellationToken cancellationToken);

    /// <summary>Every application, or those with <paramref name="status"/> and for <paramref name="roleId"/> when given; in no order.</summary>
    IAsyncEnumerable<JobApplication> ListAsync(ApplicationStatus? status, string? roleId, CancellationToken cancellationToken);
}
