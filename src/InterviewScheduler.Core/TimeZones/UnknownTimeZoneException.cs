namespace InterviewScheduler.Core.TimeZones;

/// <summary>
/// A time zone name that is neither an IANA id, nor a Windows id, nor a custom zone with a bias.
/// Callers answering HTTP requests turn it into a 400 naming <see cref="ZoneName"/>.
/// </summary>
public sealed class UnknownTimeZoneException : ArgumentException
{
    /// <summary>Creates the exception without details.</summary>
    public UnknownTimeZoneException()
        : base("Unknown time zone.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownTimeZoneException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public UnknownTimeZoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="zoneName"/>, reported as the argument <paramref name="paramName"/>.</summary>
    public UnknownTimeZoneException(string? zoneName, string? paramName)
        : base($"Unknown time zone '{zoneName}': use an IANA id (Europe/London), a Windows id (GMT Standard Time) or a custom zone with a bias.", paramName)
    {
        ZoneName = zoneName;
    }

    /// <summary>The name that could not be resolved.</summary>
    public string? ZoneName { get; }
}
