using System.Globalization;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>Graph's spelling of UTC timestamps such as <c>createdDateTime</c>: <c>2026-12-01T09:00:00.0000000Z</c>.</summary>
internal static class WireTime
{
    /// <summary>What Graph reports for a response that has not happened yet.</summary>
    public const string Never = "0001-01-01T00:00:00Z";

    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset? instant) => instant is { } value ? Utc(value) : Never;
}
