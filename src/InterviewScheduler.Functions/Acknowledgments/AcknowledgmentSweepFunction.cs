using InterviewScheduler.Core.Applications.Acknowledgments;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Acknowledgments;

/// <summary>Every five minutes, queues again any acknowledgment left unsent: nothing is lost to a crash between steps.</summary>
public sealed partial class AcknowledgmentSweepFunction(AcknowledgmentSweep sweep, ILogger<AcknowledgmentSweepFunction> logger)
{
    [Function(nameof(AcknowledgmentSweepFunction))]
    public async Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var requeued = await sweep.RequeueStaleAsync(cancellationToken);
        if (requeued > 0) LogRequeued(logger, requeued);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} unsent acknowledgments again")]
    private static partial void LogRequeued(ILogger logger, int count);
}
