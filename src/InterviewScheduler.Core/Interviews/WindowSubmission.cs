namespace InterviewScheduler.Core.Interviews;

/// <summary>A time range as posted: <c>{"start": ..., "end": ...}</c> with offsets.</summary>
public sealed record WindowSubmission(DateTimeOffset? Start, DateTimeOffset? End);
