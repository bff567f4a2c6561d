namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Keeps each sender mailbox under its sending limit across every instance of the service
/// (Exchange allows about 30 messages a minute per mailbox).
/// </summary>
public interface ISendPacer
{
    /// <summary>Reserves one send for <paramref name="mailbox"/> now; or, when its budget is spent, says how long to wait.</summary>
    /// <returns><see cref="TimeSpan.Zero"/> when the send may go now; otherwise the wait before trying again.</returns>
    Task<TimeSpan> ReserveAsync(string mailbox, CancellationToken cancellationToken);
}
