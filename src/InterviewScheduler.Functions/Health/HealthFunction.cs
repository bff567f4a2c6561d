using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Health;

/// <summary>Liveness: answers 200 with the running version. Anonymous so that probes need no key.</summary>
public sealed class HealthFunction
{
    private static readonly string Version =
        typeof(HealthFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthFunction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    [Function(nameof(HealthFunction))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new HealthReport("healthy", Version));

    /// <summary>The body of <c>GET /api/health</c>.</summary>
    public sealed record HealthReport(string Status, string Version);
}
