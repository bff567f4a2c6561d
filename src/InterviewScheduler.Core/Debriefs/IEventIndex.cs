namespace InterviewScheduler.Core.Debriefs;

/// <summary>Which application an organizer event belongs to, so that a change notification finds its application.</summary>
public interface IEventIndex
{
    /// <summary>Records that <paramref name="eventId"/> is one of <paramref name="applicationId"/>'s events (idempotent).</summary>
    Task AddAsync(string eventId, string applicationId, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="eventId"/> (erasure: a later change of it concerns no application); idempotent.</summary>
    Task RemoveAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The application an event belongs to, or null for an event the service did not create.</summary>
    Task<string?> FindApplicationAsync(string eventId, CancellationToken cancellationToken);
}
