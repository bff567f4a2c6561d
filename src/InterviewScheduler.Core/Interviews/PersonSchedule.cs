using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Core.Interviews;

/// <summary>One person's free/busy over a window.</summary>
/// <param name="Email">The address asked for.</param>
/// <param name="Busy">Busy, tentative, oof, ... items (UTC), overlapping the window.</param>
/// <param name="WorkingHours">Their working hours, when their mailbox has any.</param>
/// <param name="Error">Why there is no schedule (e.g. an unknown address); null when there is one.</param>
public sealed record PersonSchedule(string Email, IReadOnlyList<BusyItem> Busy, WorkingHours? WorkingHours, string? Error = null);
