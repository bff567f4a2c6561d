namespace InterviewScheduler.Core.Interviews;

/// <summary>A person of the organization as the directory shows them.</summary>
public sealed record DirectoryPerson(string Name, string Email, string? JobTitle);
