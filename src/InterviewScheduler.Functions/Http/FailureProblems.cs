using System.Globalization;
using System.Reflection;
using Azure;
using InterviewScheduler.Core.TimeZones;
using InterviewScheduler.Graph.Calendar;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Kiota.Abstractions;

namespace InterviewScheduler.Functions.Http;

/// <summary>
/// What escapes an HTTP function, as problem+json: the one place failures become answers, used by the worker
/// middleware (<see cref="ProblemsMiddleware"/>) and the DevHost alike. Never a bare 500, and never an exception's
/// message: Graph's error text can hold an address.
/// </summary>
public static class FailureProblems
{
    /// <summary>How long a caller should wait after a 503 that carried no Retry-After of its own.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>The answer for <paramref name="exception"/> (unwrapped from reflection and aggregate wrappers).</summary>
    public static IActionResult From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Unwrap(exception) switch
        {
            GraphCalendarException { StatusCode: 429 or 503 or 504 or 0 } graph =>
                Unavailable("Microsoft Graph is busy or unavailable.", $"Graph answered {Status(graph.StatusCode)}; nothing was booked. Try again shortly."),
            GraphCalendarException graph =>
                Problems.Status(StatusCodes.Status502BadGateway, "Microsoft Graph refused the request.", $"Graph answered {Status(graph.StatusCode)}{(graph.ErrorCode is { } code ? $" ({code})" : "")}; check the mailboxes in the configuration and the app's permissions."),
            // The Graph SDK's retry handler gives up with its last answer inside (after Unwrap): still Graph's status.
            ApiException { ResponseStatusCode: 429 or 503 or 504 } api =>
                Unavailable("Microsoft Graph is busy or unavailable.", $"Graph answered {Status(api.ResponseStatusCode)} after the SDK's retries; nothing was booked. Try again shortly."),
            ApiException api =>
                Problems.Status(StatusCodes.Status502BadGateway, "Microsoft Graph refused the request.", $"Graph answered {Status(api.ResponseStatusCode)}."),
            UnknownTimeZoneException =>
                Problems.Status(StatusCodes.Status502BadGateway, "A person's time zone from Microsoft 365 is unknown.", "A mailbox's time zone could not be read as an IANA or Windows zone; nothing was booked."),
            RequestFailedException or TimeoutException or HttpRequestException =>
                Unavailable("Storage or a downstream service is unavailable.", "Nothing was changed. Try again shortly."),
            _ => Problems.Status(StatusCodes.Status500InternalServerError, "Something went wrong.", "The failure was logged with the request's id."),
        };
    }

    /// <summary>Writes <see cref="From"/>'s answer to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext http, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(http);
        return From(exception).ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>The exception a function threw, out of the wrappers reflection and tasks put around it.</summary>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        while (exception is TargetInvocationException or AggregateException && exception.InnerException is { } inner) exception = inner;
        return exception;
    }

    private static string Status(int status) => status == 0 ? "nothing (no answer)" : status.ToString(CultureInfo.InvariantCulture);

    private static RetryAfterResult Unavailable(string title, string detail) =>
        new RetryAfterResult(Problems.Status(StatusCodes.Status503ServiceUnavailable, title, detail), DefaultRetryAfter);
}
