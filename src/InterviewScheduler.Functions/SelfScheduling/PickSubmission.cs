namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>The body of <c>POST /api/self-scheduling/pick</c>, before validation.</summary>
/// <param name="Start">The start of the option picked, with an offset.</param>
/// <param name="TimeZone">The IANA zone to answer in; the candidate's own (else UTC) when left out.</param>
public sealed record PickSubmission(DateTimeOffset? Start, string? TimeZone);
