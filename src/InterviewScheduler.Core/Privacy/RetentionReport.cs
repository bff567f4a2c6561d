namespace InterviewScheduler.Core.Privacy;

/// <summary>What one run of <see cref="RetentionSweep"/> did: applications erased, left for a booking under way, and failed (retried next run).</summary>
public sealed record RetentionReport(int Erased, int Busy, int Failed);
