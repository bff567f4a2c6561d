using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Access;

/// <summary>
/// Who may use a recruiter route: a user App Service Authentication signed in with Microsoft Entra ID (the
/// <see cref="ClientPrincipal"/> header) who holds the app role <see cref="Role"/>. Every recruiter route starts with
/// <code>if (RecruiterAccess.Deny(request) is { } denied) return denied;</code>
/// Such routes are anonymous at the Functions level: App Service Authentication signs people in, this check decides.
/// </summary>
public static partial class RecruiterAccess
{
    /// <summary>The app role (its <c>value</c> in the app registration) that lets a person use the recruiter routes.</summary>
    public const string Role = "Recruiter";

    /// <summary>
    /// Null when the request may go on; otherwise the answer: 401 problem+json without a readable principal, 403
    /// problem+json for a principal without the role. Logs say which, with the user's object id at most.
    /// </summary>
    public static IActionResult? Deny(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logger = request.HttpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(RecruiterAccess).FullName!);
        var header = request.Headers[ClientPrincipal.HeaderName].ToString();
        if (!ClientPrincipal.TryParse(header, out var principal))
        {
            if (logger is not null)
            {
                if (header.Length == 0) LogNoPrincipal(logger, request.Path);
                else LogUnreadablePrincipal(logger, request.Path);
            }

            return Problems.Status(
                StatusCodes.Status401Unauthorized,
                "Sign-in required.",
                "Recruiter routes need a person signed in with Microsoft Entra ID (/.auth/login/aad).");
        }

        if (!principal!.IsInRole(Role))
        {
            if (logger is not null) LogNotRecruiter(logger, request.Path, principal.ObjectId ?? "unknown");
            return Problems.Status(
                StatusCodes.Status403Forbidden,
                "Recruiters only.",
                $"The signed-in account does not have the app role '{Role}'. An administrator assigns it in the Entra admin center (Enterprise applications, Users and groups).");
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recruiter route {Path}: no signed-in user; answered 401")]
    private static partial void LogNoPrincipal(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recruiter route {Path}: a client principal header that App Service did not write (unreadable); answered 401")]
    private static partial void LogUnreadablePrincipal(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recruiter route {Path}: user {ObjectId} lacks the Recruiter role; answered 403")]
    private static partial void LogNotRecruiter(ILogger logger, PathString path, string objectId);
}
