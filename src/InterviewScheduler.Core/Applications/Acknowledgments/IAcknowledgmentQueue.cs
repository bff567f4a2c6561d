namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>The queue of applications to acknowledge; one message is one application id.</summary>
public interface IAcknowledgmentQueue
{
    /// <summary>Queues the application, to be delivered no sooner than <paramref name="delay"/> from now.</summary>
    Task EnqueueAsync(string applicationId, TimeSpan delay, CancellationToken cancellationToken);
}
