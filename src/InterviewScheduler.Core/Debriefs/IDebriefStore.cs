namespace InterviewScheduler.Core.Debriefs;

/// <summary>Where debriefs are kept.</summary>
public interface IDebriefStore
{
    /// <summary>The application's debrief, or null when it never had one.</summary>
    Task<Debrief?> FindAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="debrief"/>: added when its version is null, else replaced if the stored version is
    /// still its version. Returns it with its new version, or null when someone else wrote first.
    /// </summary>
    Task<Debrief?> TrySaveAsync(Debrief debrief, CancellationToken cancellationToken);
}
