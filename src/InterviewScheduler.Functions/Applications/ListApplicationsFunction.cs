using System.Globalization;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Applications;

/// <summary>
/// <c>GET /api/applications?status=&amp;role=&amp;limit=</c>: the newest applications (50 by default, at most 200),
/// each as <c>GET /api/applications/{id}</c> shows it, with its speed timeline; the recruiter's list. Erased
/// applications are left out (their anonymous timings are for metrics, not for work).
/// </summary>
/// <remarks>
/// The application rows are read with a filter on the table (no index by date), then ordered here; the page size
/// bounds what is read per application (its interviews and debrief, from its own partition).
/// </remarks>
public sealed class ListApplicationsFunction(IApplicationStore store, IInterviewStore interviews, IDebriefStore debriefs, TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    [Function(nameof(ListApplicationsFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ApplicationStatus? status = request.Query["status"].ToString() switch
        {
            "" => null,
            "received" => ApplicationStatus.Received,
            "scheduled" => ApplicationStatus.Scheduled,
            _ => Invalid(errors, "status", "One of received, scheduled."),
        };
        string? role = request.Query["role"];
        // No role id holds what intake refuses, so such a filter is a mistake, not an empty list.
        if (role is { Length: > SubmissionValidation.MaxFieldLength } || (role is not null && SubmissionValidation.HasRefusedCharacters(role))) errors["role"] = [$"At most {SubmissionValidation.MaxFieldLength} characters, no control or bidirectional formatting characters."];
        var limit = DefaultLimit;
        if (request.Query["limit"].ToString() is { Length: > 0 } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"A whole number from 1 to {MaxLimit}."];
        }

        if (errors.Count > 0) return Problems.Validation(errors);

        var newest = await store.ListAsync(status, string.IsNullOrEmpty(role) ? null : role, cancellationToken)
            .Where(a => !a.IsErased)
            .OrderByDescending(a => a.ReceivedAt)
            .ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var views = new List<ApplicationView>(newest.Count);
        foreach (var application in newest)
        {
            views.Add(ApplicationView.From(application, await interviews.ListAsync(application.Id, cancellationToken), await debriefs.FindAsync(application.Id, cancellationToken), now));
        }

        return new OkObjectResult(new ApplicationList(views));
    }

    private static ApplicationStatus? Invalid(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}

/// <summary>The body of <c>GET /api/applications</c>: newest first.</summary>
public sealed record ApplicationList(IReadOnlyList<ApplicationView> Applications);
