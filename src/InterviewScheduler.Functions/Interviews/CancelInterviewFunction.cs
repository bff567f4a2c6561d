using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Interviews;

/// <summary>
/// <c>DELETE /api/applications/{id}/interviews/{interviewId}</c>: cancels a booked interview (the interviewers' meeting
/// and the candidate's invite; Outlook tells them) and keeps the debrief after the last interview still on, or cancels
/// it with the last one. 200 with the interview and the debrief; a repeat answers the same and sends nothing.
/// </summary>
/// <remarks>
/// A recruiter route: anonymous at the Functions level (no function key), because App Service Authentication signs
/// recruiters in with Microsoft Entra ID and <see cref="RecruiterAccess"/> admits only the app role Recruiter.
/// </remarks>
public sealed partial class CancelInterviewFunction(InterviewCancellation cancellation, ILogger<CancelInterviewFunction> logger)
{
    [Function(nameof(CancelInterviewFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "applications/{id}/interviews/{interviewId}")] HttpRequest request,
        string id,
        string interviewId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        if (!ApplicationIds.IsWellFormed(id) || !ApplicationIds.IsWellFormed(interviewId)) return NotFound();

        var result = await cancellation.CancelAsync(id, interviewId, cancellationToken);
        if (result is null) return NotFound();
        if (result.Interview.Status != InterviewStatus.Cancelled)
        {
            // Another cancel of this interview holds the claim and has not reached the calendar yet.
            return new RetryAfterResult(
                Problems.Status(StatusCodes.Status409Conflict, "This interview is being cancelled.", "Another request is cancelling it; ask again in a moment."),
                InterviewSync.ClaimTimeout);
        }

        LogCancelled(logger, id, interviewId, result.Debrief?.Status);
        return new OkObjectResult(new CancelAnswer(InterviewView.From(result.Interview), DebriefView.From(result.Debrief)));
    }

    private static ObjectResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "No such interview.", "The application has no interview with this id.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: interview {InterviewId} cancelled by a recruiter; debrief {DebriefStatus}")]
    private static partial void LogCancelled(ILogger logger, string applicationId, string interviewId, DebriefStatus? debriefStatus);
}
