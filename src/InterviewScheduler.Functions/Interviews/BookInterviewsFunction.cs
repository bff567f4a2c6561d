using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Interviews;

/// <summary>
/// <c>POST /api/applications/{id}/interviews</c>: books a panel or loop at the given <c>start</c> or the best
/// option; Outlook sends the invites. A repeated request with the same <c>Idempotency-Key</c> answers the first
/// result and books nothing new; a time taken meanwhile answers 409 with fresh options.
/// </summary>
/// <remarks>
/// A recruiter route: anonymous at the Functions level (no function key), because App Service Authentication signs
/// recruiters in with Microsoft Entra ID and <see cref="RecruiterAccess"/> admits only the app role Recruiter.
/// </remarks>
public sealed partial class BookInterviewsFunction(InterviewBooking booking, DebriefPlacement debriefs, HiringMetrics metrics, TimeProvider time, ILogger<BookInterviewsFunction> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    [Function(nameof(BookInterviewsFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/interviews")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        var requestedAt = time.GetUtcNow();
        var (panel, problem) = await PanelRequestReader.ReadAsync(request, requestedAt, cancellationToken);
        if (problem is not null) return problem;

        string? key = request.Headers[IdempotencyHeader];
        if (key is { Length: > 200 }) return Problems.Validation(new Dictionary<string, string[]> { [IdempotencyHeader] = ["At most 200 characters."] });
        if (!ApplicationIds.IsWellFormed(id)) return Problems.Status(StatusCodes.Status404NotFound, "No such application.");

        var result = await booking.BookAsync(id, panel!, string.IsNullOrWhiteSpace(key) ? null : key, cancellationToken);
        switch (result.Outcome)
        {
            case BookingOutcome.Booked:
            case BookingOutcome.Replayed:
                var turnaround = time.GetUtcNow() - requestedAt;
                if (result.Outcome == BookingOutcome.Booked) metrics.InvitesSent(turnaround);
                LogBooked(logger, id, result.Interviews.Count, result.Outcome, turnaround.TotalMilliseconds);
                var debrief = await debriefs.AfterBookingAsync(id, result, cancellationToken);
                var answer = new BookingAnswer([.. result.Interviews.Select(InterviewView.From)], DebriefView.From(debrief));
                return new ObjectResult(answer) { StatusCode = StatusCodes.Status201Created };
            case BookingOutcome.UnknownApplication:
                return Problems.Status(StatusCodes.Status404NotFound, "No such application.");
            case BookingOutcome.UnknownInterviewers:
                return Problems.Validation(result.Errors, "Some interviewers are unknown.");
            case BookingOutcome.NoOnlineMeeting:
                return Problems.Status(
                    StatusCodes.Status502BadGateway,
                    "The interview could not be a Teams meeting.",
                    "The organizer mailbox's calendar does not allow Teams meetings (allowedOnlineMeetingProviders lacks teamsForBusiness), so nothing was booked. Enable Teams for that mailbox, or set Scheduling:OnlineMeeting=Optional.");
            case BookingOutcome.Busy:
                return Problems.Status(StatusCodes.Status409Conflict, "Another booking for this application is under way.", "Try again in a moment.");
            default:
                return Problems.Status(
                    StatusCodes.Status409Conflict,
                    "That time is no longer free.",
                    result.Problems.Count > 0 ? string.Join(" ", result.Problems) : "No time works for everyone in the window.",
                    new Dictionary<string, object?> { ["options"] = result.FreshOptions.Select(OptionView.From).ToList() });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: {Count} interviews {Outcome} in {Milliseconds:0} ms")]
    private static partial void LogBooked(ILogger logger, string applicationId, int count, BookingOutcome outcome, double milliseconds);
}
