namespace InterviewScheduler.Core.Applications;

/// <summary>The person who applied. <see cref="Email"/> and <see cref="Name"/> are personal data: never log them.</summary>
/// <param name="Name">Full name as given.</param>
/// <param name="Email">Address as given (trimmed).</param>
/// <param name="TimeZone">IANA time-zone id, when known.</param>
public sealed record Candidate(string Name, string Email, string? TimeZone)
{
    /// <summary>The first word of the name, for a friendly greeting.</summary>
    /// <summary>What an erased application keeps of its candidate: nothing.</summary>
    public static Candidate Erased { get; } = new(string.Empty, string.Empty, null);

    public string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first : Name;
}
