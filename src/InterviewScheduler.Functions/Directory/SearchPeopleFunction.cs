using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Directory;

/// <summary>
/// <c>GET /api/people?search=ada</c>: up to 10 people of the organization whose name or address has a word starting
/// with the text, for choosing interviewers. 2 to 100 characters.
/// Recruiters only (<see cref="RecruiterAccess"/>).
/// </summary>
public sealed class SearchPeopleFunction(IPeopleDirectory directory)
{
    public const int Top = 10;

    [Function(nameof(SearchPeopleFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "people")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        var text = request.Query["search"].ToString().Trim();
        if (text.Length is < 2 or > 100 || SubmissionValidation.HasRefusedCharacters(text))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["search"] = ["From 2 to 100 characters, no control or bidirectional formatting characters."] });
        }

        var people = await directory.SearchAsync(text, Top, cancellationToken);
        return new OkObjectResult(new PeopleAnswer([.. people.Select(p => new PersonView(p.Name, p.Email, p.JobTitle))]));
    }
}

/// <summary>The body of <c>GET /api/people</c>.</summary>
public sealed record PeopleAnswer(IReadOnlyList<PersonView> People);

/// <summary>A person: name, address, job title.</summary>
public sealed record PersonView(string Name, string Email, string? JobTitle);
