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
