using InterviewScheduler.Core.Privacy;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Privacy;

/// <summary>
/// <c>DELETE /api/applications/{id}</c>: erases the candidate's data (<see cref="ApplicationErasure"/>). Answers 204
/// once it is done, now or before (the erasure runs within the request: a few Graph cancellations and table writes),
/// 404 problem+json for an unknown id, and 409 problem+json with <c>Retry-After</c> while a booking or another erasure
/// of the same application is under way. A failure half-way answers as failures do at the edge, and the next DELETE
/// (or the retention timer) finishes the erasure.
/// </summary>
/// <remarks>A recruiter route: anonymous at the Functions level, admitted by <see cref="RecruiterAccess"/>.</remarks>
public sealed partial class DeleteApplicationFunction(ApplicationErasure erasure, ILogger<DeleteApplicationFunction> logger)
{
    [Function(nameof(DeleteApplicationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "applications/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        if (!ApplicationIds.IsWellFormed(id)) return NotFound();

        var outcome = await erasure.EraseAsync(id, cancellationToken);
        LogErasure(logger, id, outcome);
        return outcome switch
        {
            ErasureOutcome.Erased or ErasureOutcome.AlreadyErased => new NoContentResult(),
            ErasureOutcome.UnknownApplication => NotFound(),
            _ => new RetryAfterResult(
                Problems.Status(StatusCodes.Status409Conflict, "This application is being booked or erased.", "Nothing was removed yet; ask again in a minute."),
                ApplicationErasure.RetryAfter),
        };
    }

    private static ObjectResult NotFound() => Problems.Status(StatusCodes.Status404NotFound, "No such application.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: erasure {Outcome}")]
    private static partial void LogErasure(ILogger logger, string applicationId, ErasureOutcome outcome);
}
