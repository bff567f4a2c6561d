namespace InterviewScheduler.Core.Applications;

/// <summary>A role applied for: the hiring system's id and the title shown to people.</summary>
public sealed record JobRole(string Id, string Title);
