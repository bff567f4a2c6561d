using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Notifications;

/// <summary>
/// Graph checks a notification URL by posting <c>?validationToken=...</c> and expecting the token back as
/// text/plain within 10 seconds.
/// </summary>
public static class ValidationHandshake
{
    /// <summary>The echo to answer, or null when the request is not a handshake.</summary>
    public static IActionResult? Answer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue("validationToken", out var token) && !string.IsNullOrEmpty(token)
            ? new ContentResult { Content = token.ToString(), ContentType = "text/plain", StatusCode = StatusCodes.Status200OK }
            : null;
    }
}
