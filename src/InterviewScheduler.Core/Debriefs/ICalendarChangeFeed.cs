using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>What changed in the organizer's calendar since the last look (Graph's calendarView delta).</summary>
public interface ICalendarChangeFeed
{
    /// <summary>
    /// The events in <paramref name="window"/> changed or removed since <paramref name="deltaToken"/> (all of them when
    /// null), and the token for next time.
    /// </summary>
    Task<CalendarDelta> ReadChangesAsync(string organizerMailbox, TimeRange window, string? deltaToken, CancellationToken cancellationToken);
}
