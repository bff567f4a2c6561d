namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Queues again every acknowledgment left unsent for longer than <see cref="Grace"/>: the safety net for a
/// process that stopped between storing an application and queueing its acknowledgment, or a lost message.
/// Sending is idempotent, so a message queued twice sends one email.
/// </summary>
public sealed class AcknowledgmentSweep(IApplicationStore store, IAcknowledgmentQueue queue, TimeProvider time)
{
    /// <summary>How old an unsent acknowledgment must be before the sweep queues it again.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <returns>How many applications were queued again.</returns>
    public async Task<int> RequeueStaleAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var id in store.FindUnacknowledgedAsync(time.GetUtcNow() - Grace, cancellationToken))
        {
            await queue.EnqueueAsync(id, TimeSpan.Zero, cancellationToken);
            count++;
        }

        return count;
    }
}
