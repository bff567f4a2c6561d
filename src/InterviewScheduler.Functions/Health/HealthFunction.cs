using System.Reflection;
using InterviewScheduler.Core.Interviews;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Health;

/// <summary>
/// Liveness: answers 200 with the running version. With <c>?deep=true</c> it also asks Graph whether the organizer
/// mailbox's calendar allows Teams meetings (its <c>allowedOnlineMeetingProviders</c>), since without them every
/// booking fails: 503 when it does not (and Teams meetings are required) or when Graph cannot be asked. Anonymous so
/// that probes need no key; it tells nothing about any application.
/// </summary>
public sealed class HealthFunction(ICalendarBooker calendar, SchedulingOptions scheduling)
{
    private static readonly string Version =
        typeof(HealthFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthFunction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    [Function(nameof(HealthFunction))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Query["deep"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return new OkObjectResult(new HealthReport("healthy", Version));
        }

        string teams;
        try
        {
            var providers = await calendar.OnlineMeetingProvidersAsync(scheduling.OrganizerMailbox, cancellationToken);
            teams = providers.Contains("teamsForBusiness", StringComparer.OrdinalIgnoreCase) ? "allowed" : "not allowed by the organizer mailbox's calendar";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ObjectResult(new HealthReport("unhealthy", Version) { TeamsMeetings = "unknown: Microsoft Graph could not be asked" }) { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }

        var healthy = teams == "allowed" || scheduling.OnlineMeeting == OnlineMeetingPolicy.Optional;
        return new ObjectResult(new HealthReport(healthy ? "healthy" : "unhealthy", Version) { TeamsMeetings = teams })
        {
            StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }

    /// <summary>The body of <c>GET /api/health</c>.</summary>
    /// <param name="Status">healthy or unhealthy.</param>
    /// <param name="Version">The running build.</param>
    public sealed record HealthReport(string Status, string Version)
    {
        /// <summary>With <c>?deep=true</c>: whether the organizer's calendar allows Teams meetings.</summary>
        public string? TeamsMeetings { get; init; }
    }
}
