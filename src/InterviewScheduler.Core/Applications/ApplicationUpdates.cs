namespace InterviewScheduler.Core.Applications;

/// <summary>
/// The project's optimistic update of an application: apply a change to the version read, and when another writer
/// changed the row first (an ETag conflict), read it again and apply the change to that.
/// </summary>
public static class ApplicationUpdates
{
    /// <summary>
    /// Writers of one application are few (intake, one acknowledgment attempt, one booking), so a handful of
    /// attempts always suffices; running out means something keeps rewriting the row, which is a fault to surface.
    /// </summary>
    public const int Attempts = 5;

    /// <summary>Stores <paramref name="change"/> applied to <paramref name="application"/>, re-reading after each conflict.</summary>
    /// <returns>The stored application with its new version.</returns>
    /// <exception cref="InvalidOperationException">The application disappeared, or kept changing for <see cref="Attempts"/> tries.</exception>
    public static async Task<JobApplication> UpdateAsync(this IApplicationStore store, JobApplication application, Func<JobApplication, JobApplication> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(change);
        var current = application;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.TryReplaceAsync(change(current), cancellationToken) is { } stored) return stored;
            current = await store.FindAsync(application.Id, cancellationToken) ?? throw new InvalidOperationException($"Application {application.Id} disappeared.");
        }

        throw new InvalidOperationException($"Application {application.Id} kept changing; the update was not stored.");
    }
}
