using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Interviews;

/// <summary>
/// <c>POST /api/applications/{id}/interviews/options</c>: ranked times for a panel or loop, from everyone's
/// free/busy read in one go. Books nothing.
/// </summary>
/// <remarks>
/// A recruiter route: anonymous at the Functions level (no function key), because App Service Authentication signs
/// recruiters in with Microsoft Entra ID and <see cref="RecruiterAccess"/> admits only the app role Recruiter.
/// </remarks>
public sealed class InterviewOptionsFunction(IApplicationStore applications, InterviewPlanner planner, TimeProvider time)
{
    [Function(nameof(InterviewOptionsFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/interviews/options")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        var (panel, problem) = await PanelRequestReader.ReadAsync(request, time.GetUtcNow(), cancellationToken);
        if (problem is not null) return problem;

        var application = ApplicationIds.IsWellFormed(id) ? await applications.FindAsync(id, cancellationToken) : null;
        if (application is null or { IsErased: true }) return Problems.Status(StatusCodes.Status404NotFound, "No such application.");

        var plan = await planner.FindOptionsAsync(application, panel!, panel!.Window, cancellationToken);
        if (plan.UnknownInterviewers.Count > 0) return Problems.Validation(plan.UnknownInterviewers, "Some interviewers are unknown.");
        return new OkObjectResult(new OptionsAnswer([.. plan.Options.Select(OptionView.From)]) { TimeZones = plan.TimeZones, CandidateTimeZone = application.Candidate.TimeZone });
    }
}
