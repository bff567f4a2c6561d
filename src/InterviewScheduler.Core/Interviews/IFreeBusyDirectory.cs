using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>Reads people's free/busy and working hours (Graph <c>calendar/getSchedule</c>).</summary>
public interface IFreeBusyDirectory
{
    /// <summary>
    /// The schedule of every address over <paramref name="window"/>, read on behalf of <paramref name="organizerMailbox"/>
    /// in as few HTTP calls as the service allows (calls of 20 people, batched 20 calls a request). Every address
    /// given has an entry; one the tenant does not know has <see cref="PersonSchedule.Error"/> set.
    /// </summary>
    Task<IReadOnlyDictionary<string, PersonSchedule>> GetSchedulesAsync(
        string organizerMailbox, IReadOnlyCollection<string> addresses, TimeRange window, CancellationToken cancellationToken);
}

/// <summary>One person's free/busy over a window.</summary>
/// <param name="Email">The address asked for.</param>
/// <param name="Busy">Busy, tentative, oof, ... items (UTC), overlapping the window.</param>
/// <param name="WorkingHours">Their working hours, when their mailbox has any.</param>
/// <param name="Error">Why there is no schedule (e.g. an unknown address); null when there is one.</param>
public sealed record PersonSchedule(string Email, IReadOnlyList<BusyItem> Busy, WorkingHours? WorkingHours, string? Error = null);
