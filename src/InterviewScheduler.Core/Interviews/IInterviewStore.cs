using InterviewScheduler.Core.Applications;

namespace InterviewScheduler.Core.Interviews;

/// <summary>The interviews of an application, kept with it so that both change together.</summary>
public interface IInterviewStore
{
    /// <summary>The application's interviews, in booking order.</summary>
    Task<IReadOnlyList<Interview>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="interviews"/> and replaces the application in one transaction, if the application's
    /// version is still <paramref name="application"/>'s; returns the stored application, or null on a conflict.
    /// </summary>
    Task<JobApplication?> TryRecordBookingAsync(JobApplication application, IReadOnlyList<Interview> interviews, CancellationToken cancellationToken);

    /// <summary>Stores interviews as re-read from the calendar (moved, cancelled, answered), replacing the stored rows.</summary>
    Task SaveAsync(IReadOnlyList<Interview> changed, CancellationToken cancellationToken);
}
