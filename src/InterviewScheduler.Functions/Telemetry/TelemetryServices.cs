using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using InterviewScheduler.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InterviewScheduler.Functions.Telemetry;

/// <summary>
/// Sends the worker's logs, traces and metrics (the product's <see cref="HiringMetrics"/> included) to Application
/// Insights through OpenTelemetry, when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. Without it (local runs,
/// the DevHost, tests) nothing is exported and the metrics cost nothing.
/// </summary>
public static class TelemetryServices
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddInterviewSchedulerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var credential = EntraCredential(configuration[AuthenticationStringSetting]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("InterviewScheduler"))
            .WithTracing(tracing => tracing.AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(HiringMetrics.MeterName).AddHttpClientInstrumentation())
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
                // Rate-limited sampling: a hiring team's traffic is kept whole; a burst (a bulk import) is capped.
                options.TracesPerSecond = 5;
            });
        return services;
    }

    /// <summary>
    /// The identity telemetry is sent with when Application Insights has local auth disabled:
    /// <c>ClientId=&lt;user-assigned identity&gt;;Authorization=AAD</c>, as the Functions host reads it too.
    /// </summary>
    private static ManagedIdentityCredential? EntraCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{AuthenticationStringSetting} must be 'Authorization=AAD' with an optional 'ClientId=<guid>'.");
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
