using System.Text.RegularExpressions;

namespace InterviewScheduler.Graph.Connection;

/// <summary>
/// Graph's error messages as the service may repeat them: in exception messages (which hosts log) and answers.
/// Exchange names recipients in its messages ("The recipient ada@example.org is not valid"): every address is
/// replaced, so a candidate's never reaches a log line.
/// </summary>
public static partial class GraphErrorText
{
    public const string Placeholder = "[address]";

    public static string? Redact(string? message) => message is null ? null : Address().Replace(message, Placeholder);

    // Anything with an @ between non-separators: wider than RFC 5321 on purpose, since a miss would leak.
    [GeneratedRegex("""[^\s'"<>()\[\],;:]+@[^\s'"<>()\[\],;:]+""", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
