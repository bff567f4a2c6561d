namespace InterviewScheduler.Core.Applications;

/// <summary>
/// Counts the acknowledgments each email address is given per UTC day, across every instance of the service, so
/// that no address gets more than <see cref="IntakeLimits.MaxPerRecipientPerDay"/>.
/// </summary>
public interface IRecipientAllowance
{
    /// <summary>
    /// Takes one acknowledgment for <paramref name="email"/> (any case) on <paramref name="day"/> if fewer than
    /// <paramref name="perDay"/> were taken; false when the day's allowance is used up. Concurrent calls for the same
    /// address never take more than <paramref name="perDay"/> between them.
    /// </summary>
    Task<bool> TryTakeAsync(string email, DateOnly day, int perDay, CancellationToken cancellationToken);
}
