using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Access;

/// <summary>
/// <c>GET /api/me</c>: who is signed in, for the pages to show, and whether they may use the recruiter routes:
/// 200 <c>{name, userName, recruiter, roles}</c>, or 401 problem+json when nobody is. The pages ask here rather than
/// App Service's <c>/.auth/me</c>, which needs the token store this app leaves off; the DevHost answers both.
/// </summary>
/// <remarks>
/// Anonymous at the Functions level and open to anyone signed in (no role needed): App Service Authentication signs
/// people in before the request arrives, and the answer tells only the person about themselves.
/// </remarks>
public static class SignedInPersonFunction
{
    [Function("SignedInPerson")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ClientPrincipal.From(request) is not { } principal)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Nobody is signed in.", "Sign in with Microsoft Entra ID (/.auth/login/aad).");
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(new SignedInPerson(
            principal.Name,
            principal.UserName,
            principal.IsInRole(RecruiterAccess.Role),
            [.. principal.Roles]));
    }

    /// <summary>The body of <c>GET /api/me</c>.</summary>
    /// <param name="Name">Display name, e.g. "Jordan Lee".</param>
    /// <param name="UserName">Sign-in name (user principal name), e.g. "jordan.lee@contoso.com".</param>
    /// <param name="Recruiter">Whether the person holds the app role Recruiter, and so may use the recruiter routes.</param>
    /// <param name="Roles">Every app role the person holds.</param>
    public sealed record SignedInPerson(string? Name, string? UserName, bool Recruiter, IReadOnlyList<string> Roles);
}
