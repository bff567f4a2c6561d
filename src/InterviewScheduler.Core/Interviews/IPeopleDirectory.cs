namespace InterviewScheduler.Core.Interviews;

/// <summary>The organization's people, found by name or address, so a recruiter can pick interviewers.</summary>
public interface IPeopleDirectory
{
    /// <summary>Up to <paramref name="top"/> people whose name or address has a word starting with <paramref name="text"/>.</summary>
    Task<IReadOnlyList<DirectoryPerson>> SearchAsync(string text, int top, CancellationToken cancellationToken);
}
