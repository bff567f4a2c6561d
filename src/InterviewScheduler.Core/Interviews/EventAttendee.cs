namespace InterviewScheduler.Core.Interviews;

/// <summary>An invited person.</summary>
public sealed record EventAttendee(string Email, string? Name = null, bool Optional = false);
