using InterviewScheduler.Core.Interviews;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Health;

/// <summary>
/// A host's start-up check (registered with the app's services, run by the host that starts them, as it needs the
/// host's lifetime): asks Graph whether the organizer mailbox's calendar allows Teams meetings and warns when it does
/// not (with Teams required, every booking would fail). It never blocks or stops start-up: Graph may be briefly
/// unreachable, and <c>GET /api/health?deep=true</c> answers the same question on demand.
/// </summary>
public sealed partial class TeamsMeetingCheck(ICalendarBooker calendar, SchedulingOptions scheduling, IHostApplicationLifetime lifetime, ILogger<TeamsMeetingCheck> logger) : IHostedService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up check has run, for tests to await.</summary>
    public Task Completion => _done.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Once everything has started (the DevHost's sandbox among it), in the background.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            await CheckAsync(CancellationToken.None);
            _done.TrySetResult();
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var providers = await calendar.OnlineMeetingProvidersAsync(scheduling.OrganizerMailbox, cancellationToken);
            if (providers.Contains("teamsForBusiness", StringComparer.OrdinalIgnoreCase)) LogAllowed(logger);
            else if (scheduling.OnlineMeeting == OnlineMeetingPolicy.Required) LogNotAllowed(logger, string.Join(", ", providers));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnknown(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The organizer mailbox's calendar allows Teams meetings")]
    private static partial void LogAllowed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The organizer mailbox's calendar does not allow Teams meetings (allowed: [{Providers}]); every booking will fail until it does, or Scheduling:OnlineMeeting=Optional")]
    private static partial void LogNotAllowed(ILogger logger, string providers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask Microsoft Graph whether the organizer mailbox allows Teams meetings ({ExceptionType}); GET /api/health?deep=true will tell")]
    private static partial void LogUnknown(ILogger logger, string exceptionType);
}
