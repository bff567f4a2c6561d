namespace InterviewScheduler.Graph.Calendar;

/// <summary>
/// Graph refused a calendar request (free/busy or an event) or kept throttling it. <see cref="StatusCode"/> is the
/// HTTP status Graph answered (404 for an unknown organizer mailbox, 400 for a request it rejects, 429 when still
/// throttled after the allowed attempts), <see cref="ErrorCode"/> its error code; callers map them to their answers.
/// </summary>
public sealed class GraphCalendarException : Exception
{
    /// <summary>Creates the exception without details.</summary>
    public GraphCalendarException()
        : base("Microsoft Graph refused a calendar request.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GraphCalendarException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public GraphCalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for Graph's answer <paramref name="statusCode"/> / <paramref name="errorCode"/>.</summary>
    public GraphCalendarException(string message, int statusCode, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status Graph answered; 0 when there was no answer.</summary>
    public int StatusCode { get; }

    /// <summary>Graph's error code (<c>ErrorInvalidUser</c>, <c>ErrorInvalidRequest</c>, <c>TooManyRequests</c>, ...), when it gave one.</summary>
    public string? ErrorCode { get; }
}
