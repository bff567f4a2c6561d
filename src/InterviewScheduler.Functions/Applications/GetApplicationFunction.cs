using InterviewScheduler.Core.Applications;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Applications;

/// <summary><c>GET /api/applications/{id}</c>: the application, its acknowledgment and its timeline.</summary>
public sealed class GetApplicationFunction(IApplicationStore store)
{
    [Function(nameof(GetApplicationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "applications/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        // Ids are 32 hex digits; anything else cannot exist and must not reach a storage query.
        if (id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower))
        {
            return NotFound();
        }

        var application = await store.FindAsync(id, cancellationToken);
        return application is null ? NotFound() : new OkObjectResult(ApplicationView.From(application));
    }

    private static ObjectResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "No such application.");
}
