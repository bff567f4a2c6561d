using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using InterviewScheduler.Functions.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Applications;

/// <summary>
/// <c>GET /api/applications/{id}</c>: the application, its acknowledgment, interviews, debrief, timeline and self-scheduling
/// offer; for an erased one, <see cref="ErasedApplicationView"/>.
/// </summary>
/// <remarks>
/// A recruiter route: anonymous at the Functions level (no function key), because App Service Authentication signs
/// recruiters in with Microsoft Entra ID and <see cref="RecruiterAccess"/> admits only the app role Recruiter.
/// </remarks>
public sealed class GetApplicationFunction(IApplicationStore store, IInterviewStore interviews, IDebriefStore debriefs, TimeProvider time)
{
    [Function(nameof(GetApplicationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        if (!ApplicationIds.IsWellFormed(id)) return NotFound();

        var application = await store.FindAsync(id, cancellationToken);
        if (application is null) return NotFound();
        var booked = await interviews.ListAsync(id, cancellationToken);
        var debrief = await debriefs.FindAsync(id, cancellationToken);
        // Erased (or being erased): the anonymous timings only, never what is left of the person while erasing.
        if (application.IsErased) return new OkObjectResult(ErasedApplicationView.From(application, booked, debrief));
        return new OkObjectResult(ApplicationView.From(application, booked, debrief, time.GetUtcNow()));
    }

    private static ObjectResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "No such application.");
}
