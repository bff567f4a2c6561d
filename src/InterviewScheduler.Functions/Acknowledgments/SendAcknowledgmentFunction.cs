using System.Text.Json;
using Azure.Storage.Queues.Models;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Storage.Applications;
using InterviewScheduler.Storage.Connection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Acknowledgments;

/// <summary>
/// Sends one application's acknowledgment per message of the <c>acknowledgments</c> queue. A deferred send
/// (pacing, throttling) goes back on the queue with the wait as its visibility delay; an error is left to the
/// queue's retries, and the last allowed delivery marks the acknowledgment failed before the message goes to poison.
/// </summary>
public sealed partial class SendAcknowledgmentFunction(
    AcknowledgmentSender sender,
    IAcknowledgmentQueue queue,
    IOptions<MailOptions> options,
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

        AcknowledgmentResult result;
        try
        {
            result = await sender.SendAsync(applicationId, cancellationToken);
        }
        catch (Exception exception) when (message.DequeueCount >= options.Value.MaxAttempts && exception is not OperationCanceledException)
        {
            await sender.MarkFailedAsync(applicationId, CancellationToken.None);
            LogFailed(logger, exception, applicationId, message.DequeueCount);
            throw;
        }

        switch (result.Step)
        {
            case AcknowledgmentStep.Deferred:
                await queue.EnqueueAsync(applicationId, result.RetryAfter, cancellationToken);
                LogDeferred(logger, applicationId, result.RetryAfter.TotalSeconds);
                break;
            case AcknowledgmentStep.UnknownApplication:
                LogUnknown(logger, applicationId);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledgment of application {ApplicationId} deferred by {Seconds:0.0} s")]
    private static partial void LogDeferred(ILogger logger, string applicationId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledgment message for unknown application {ApplicationId} dropped")]
    private static partial void LogUnknown(ILogger logger, string applicationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Acknowledgment of application {ApplicationId} failed for good after {Deliveries} deliveries")]
    private static partial void LogFailed(ILogger logger, Exception exception, string applicationId, long deliveries);
}
