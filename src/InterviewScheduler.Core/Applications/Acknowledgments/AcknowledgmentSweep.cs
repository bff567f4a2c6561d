namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Queues again every unfinished acknowledgment overdue by more than <see cref="Grace"/>: the safety net for a
/// process that stopped between storing an application and queueing its acknowledgment, a lost or poisoned message,
/// or an attempt that died holding its lease. So transient failures keep being retried until the horizon even after
/// the poison queue. Sending is idempotent, so a message queued twice sends one email.
/// </summary>
public sealed class AcknowledgmentSweep(IApplicationStore store, IAcknowledgmentQueue queue, TimeProvider time)
{
    /// <summary>How old an unsent acknowledgment must be before the sweep queues it again.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <returns>How many applications were queued again.</returns>
    public async Task<int> RequeueStaleAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var id in store.FindUnacknowledgedAsync(dueBefore: time.GetUtcNow() - Grace, cancellationToken))
        {
            await queue.EnqueueAsync(id, TimeSpan.Zero, cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>
    /// When an unfinished acknowledgment should next be worked on: its scheduled retry, else the end of the lease of
    /// the attempt at work, else when the application arrived.
    /// </summary>
    public static DateTimeOffset DueAt(JobApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var acknowledgment = application.Acknowledgment;
        return acknowledgment.NextAttemptAt ?? (acknowledgment.MarkedAt + AcknowledgmentSender.Lease) ?? application.ReceivedAt;
    }
}
