using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Http;

/// <summary>RFC 9457 problem responses (<c>application/problem+json</c>) for every error the API gives.</summary>
public static class Problems
{
    private const string ContentType = "application/problem+json";

    /// <summary>A 400 with an <c>errors</c> object keyed by field path.</summary>
    public static ObjectResult Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "One or more fields are invalid.")
    {
        var problem = new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = detail,
        };
        return Result(problem);
    }

    /// <summary>Any other error status with a title and detail, and members of its own (RFC 9457 extensions).</summary>
    public static ObjectResult Status(int status, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return Result(problem);
    }

    private static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
