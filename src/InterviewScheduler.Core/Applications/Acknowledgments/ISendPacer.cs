namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Keeps each sender mailbox inside Exchange's limits across every instance of the service: messages a minute and
/// recipients a day (rolling windows), and requests in flight at once.
/// </summary>
public interface ISendPacer
{
    /// <summary>Reserves one message to <paramref name="recipients"/> recipients from <paramref name="mailbox"/> now; or, when a budget is spent, says how long to wait.</summary>
    /// <returns><see cref="TimeSpan.Zero"/> when the send may go now; otherwise the wait before trying again (nothing reserved).</returns>
    Task<TimeSpan> ReserveAsync(string mailbox, int recipients, CancellationToken cancellationToken);

    /// <summary>Takes one of the mailbox's request slots; dispose it when the requests are done.</summary>
    /// <returns>The slot, or null when every slot is taken (try again shortly).</returns>
    Task<IAsyncDisposable?> TryEnterAsync(string mailbox, CancellationToken cancellationToken);
}
