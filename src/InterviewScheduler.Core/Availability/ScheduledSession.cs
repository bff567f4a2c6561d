namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One session placed in time: <see cref="Time"/> (UTC) and who attends it: every required interviewer
/// plus the optional ones who are free. Immutable.
/// </summary>
/// <param name="Title">The session's title from the request.</param>
/// <param name="Time">When it takes place, UTC, start inclusive and end exclusive.</param>
/// <param name="Attendees">Emails of the interviewers who attend, in request order.</param>
/// <param name="OptionalAbsent">Emails of optional interviewers who are not free then.</param>
public sealed record ScheduledSession(string Title, TimeRange Time, IReadOnlyList<string> Attendees, IReadOnlyList<string> OptionalAbsent);
