namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>A session of the interview, as the candidate is told of it before picking: its title and length.</summary>
public sealed record InterviewShapeView(string Title, int DurationMinutes);
