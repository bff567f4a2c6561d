using InterviewScheduler.Core.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Privacy;

/// <summary>
/// Once a day, erases the applications closed for longer than <c>Privacy:RetentionDays</c> (<see cref="RetentionSweep"/>),
/// and finishes erasures that stopped half-way. Does nothing when the setting is 0.
/// </summary>
public sealed partial class RetentionFunction(RetentionSweep sweep, ILogger<RetentionFunction> logger)
{
    /// <summary>03:20 UTC daily: a quiet hour for most tenants, away from the reconciliation's quarter hours.</summary>
    public const string Schedule = "0 20 3 * * *";

    [Function(nameof(RetentionFunction))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await sweep.RunAsync(cancellationToken);
        LogRetention(logger, report.Erased, report.Busy, report.Failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Erased} applications erased, {Busy} left for a booking under way, {Failed} failed (retried next run)")]
    private static partial void LogRetention(ILogger logger, int erased, int busy, int failed);
}
