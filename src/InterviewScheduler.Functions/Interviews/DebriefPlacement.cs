using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Interviews;

/// <summary>
/// The debrief after a booking, for every route that books (the recruiter's and the candidate's pick): the one the
/// booking made with the interviews, else placed now. The interviews are booked whatever happens here: a failure is
/// logged and reconciliation places the debrief later.
/// </summary>
public sealed partial class DebriefPlacement(DebriefScheduler debriefs, IDebriefStore debriefStore, HiringMetrics metrics, ILogger<DebriefPlacement> logger)
{
    /// <summary>The application's debrief after <paramref name="result"/> (booked or replayed); null when none could be placed.</summary>
    public async Task<Debrief?> AfterBookingAsync(string applicationId, BookingResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A debrief made with the interviews needs no second look; otherwise it is placed now.
        if (result.Debrief is { } made)
        {
            metrics.DebriefBooked(made.Time.Start - made.AfterInterviewsEnd);
            return made;
        }

        try
        {
            await debriefs.AlignAsync(applicationId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDebriefFailed(logger, exception, applicationId);
        }

        var debrief = await debriefStore.FindAsync(applicationId, cancellationToken);
        if (debrief is { Status: DebriefStatus.Scheduled }) metrics.DebriefBooked(debrief.Time.Start - debrief.AfterInterviewsEnd);
        return debrief;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId}: the debrief could not be placed now; reconciliation will")]
    private static partial void LogDebriefFailed(ILogger logger, Exception exception, string applicationId);
}
