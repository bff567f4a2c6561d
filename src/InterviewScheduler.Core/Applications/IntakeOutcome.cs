namespace InterviewScheduler.Core.Applications;

/// <summary>The stored application, and whether the call that returned it created it.</summary>
public sealed record IntakeOutcome(JobApplication Application, bool Created);
