namespace InterviewScheduler.Core.Interviews;

/// <summary>An attendee and their response to the invitation.</summary>
public sealed record AttendeeResponse(string Email, string Response);
