namespace InterviewScheduler.Functions.Http;

/// <summary>Application ids are 32 lowercase hex digits; anything else cannot exist and must not reach a storage query.</summary>
public static class ApplicationIds
{
    public static bool IsWellFormed(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
