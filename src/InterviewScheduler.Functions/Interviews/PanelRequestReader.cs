using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Interviews;

/// <summary>Reads and validates the JSON body shared by the options and booking routes.</summary>
public static class PanelRequestReader
{
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<(PanelRequest? Request, IActionResult? Problem)> ReadAsync(HttpRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (unreadable is not null) return (null, unreadable);
        var (submission, malformed) = JsonBody.Parse<PanelSubmission>(body!);
        if (malformed is not null) return (null, malformed);
        var (panel, errors) = PanelRequestValidation.Validate(submission, now);
        return panel is null ? (null, Problems.Validation(errors)) : (panel, null);
    }
}
