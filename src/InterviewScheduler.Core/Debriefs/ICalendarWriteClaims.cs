namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// Claims one calendar change before it is made, so that of several workers reacting to the same trigger only one
/// makes it (every update Outlook sends is an email to the attendees). A claim not followed by the change (the worker
/// stopped) expires, and the next worker that finds the change still missing makes it.
/// </summary>
public interface ICalendarWriteClaims
{
    /// <summary>
    /// True when this caller may make <paramref name="change"/> (a key naming the event and its target, such as
    /// <c>move:{eventId}:{start}</c>) for the application: nobody claimed it, or the claim is older than
    /// <paramref name="expiresAfter"/>.
    /// </summary>
    Task<bool> TryClaimAsync(string applicationId, string change, TimeSpan expiresAfter, CancellationToken cancellationToken);
}
