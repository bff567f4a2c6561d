using System.Text.Json;
using Azure.Storage.Queues.Models;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Storage.Connection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Acknowledgments;

/// <summary>
/// Sends one application's acknowledgment per message of the <c>acknowledgments</c> queue. A deferred attempt
/// (pacing, throttling, a retry after a failure) goes back on the queue with the wait as its visibility delay, so
/// the retry schedule lives on the application, not in the message's dequeue count. Only a failure to reach storage
/// escapes to the queue's own retries; after the poison queue, the sweep picks the acknowledgment up again.
/// </summary>
public sealed partial class SendAcknowledgmentFunction(
    AcknowledgmentSender sender,
    IAcknowledgmentQueue queue,
    HiringMetrics metrics,
    TimeProvider time,
    ILogger<SendAcknowledgmentFunction> logger)
{
    [Function(nameof(SendAcknowledgmentFunction))]
    public async Task Run([QueueTrigger(StorageNames.AcknowledgmentsQueueName)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var applicationId = JsonSerializer.Deserialize<AcknowledgmentMessage>(message.Body.ToMemory().Span, AcknowledgmentMessage.Json)?.ApplicationId;
        if (string.IsNullOrWhiteSpace(applicationId))
        {
            throw new InvalidOperationException($"Acknowledgment message {message.MessageId} names no application.");
        }

        var result = await sender.SendAsync(applicationId, cancellationToken);
        switch (result.Step)
        {
            case AcknowledgmentStep.Deferred:
                await queue.EnqueueAsync(applicationId, result.RetryAfter, cancellationToken);
                LogDeferred(logger, applicationId, result.RetryAfter.TotalSeconds, result.Reason ?? "pacing");
                break;
            case AcknowledgmentStep.NotDue:
                LogNotDue(logger, applicationId, result.RetryAfter.TotalSeconds);
                break;
            case AcknowledgmentStep.UnknownApplication:
                LogUnknown(logger, applicationId);
                break;
            case AcknowledgmentStep.Failed:
                metrics.AcknowledgmentFailed(result.Permanent);
                LogFailed(logger, applicationId, result.Application?.Acknowledgment.Attempts ?? 0, result.Reason ?? "unknown");
                break;
            case AcknowledgmentStep.Sent:
                if (result.Application is { Acknowledgment.SentAt: { } sentAt } sent)
                {
                    metrics.AcknowledgmentSent(sentAt - sent.ReceivedAt);
                }

                goto default;
            default:
                var queuedFor = time.GetUtcNow() - (message.InsertedOn ?? time.GetUtcNow());
                LogDone(logger, applicationId, result.Step, queuedFor.TotalSeconds);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledgment of application {ApplicationId}: {Step} ({QueuedSeconds:0.0} s after queueing)")]
    private static partial void LogDone(ILogger logger, string applicationId, AcknowledgmentStep step, double queuedSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledgment of application {ApplicationId} deferred by {Seconds:0.0} s: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string applicationId, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Duplicate acknowledgment message for application {ApplicationId} dropped; its attempt is due in {Seconds:0.0} s")]
    private static partial void LogNotDue(ILogger logger, string applicationId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledgment message for unknown application {ApplicationId} dropped")]
    private static partial void LogUnknown(ILogger logger, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledgment of application {ApplicationId} failed after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, string applicationId, int attempts, string reason);
}
