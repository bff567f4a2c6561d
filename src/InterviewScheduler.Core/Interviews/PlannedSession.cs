using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>One session of a <see cref="BookingPlan"/>: its title, time (UTC) and the interviewers invited.</summary>
public sealed record PlannedSession(string Title, TimeRange Time, IReadOnlyList<EventAttendee> Interviewers);
