namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One person on a panel, identified by <see cref="Email"/> (compared case-insensitively), with their
/// free/busy items (UTC) and working hours. <see cref="WorkingHours"/> is null when the directory has none
/// (a room, a shared mailbox, or an account without mailbox settings): such a person is not limited by
/// working hours and only their busy items count. An <see cref="Optional"/> interviewer joins when free and
/// counts towards <see cref="PanelSession.MinimumOptional"/>. Immutable.
/// </summary>
/// <param name="Email">The person's address; the identity used in options and reasons.</param>
/// <param name="Busy">Their free/busy items; order does not matter, overlaps and zero-length items are fine.</param>
/// <param name="WorkingHours">Their working hours, or null for "not limited by working hours".</param>
/// <param name="Optional">True when the panel can go ahead without them.</param>
public sealed record Interviewer(string Email, IReadOnlyList<BusyItem> Busy, WorkingHours? WorkingHours = null, bool Optional = false);
