using System.Text;
using System.Text.Encodings.Web;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace InterviewScheduler.DevHost.SignIn;

/// <summary>
/// App Service Authentication's <c>/.auth</c> routes, for local runs: <c>GET /.auth/login/dev</c> lists the sandbox's
/// people to sign in as (a form that posts back to it), <c>/.auth/login/aad</c> (where the pages send people to sign
/// in, as in Azure) leads there, <c>/.auth/logout</c> signs out, and <c>/.auth/me</c> answers who is signed in in
/// App Service's shape. Only for requests from this machine: anything else is refused.
/// </summary>
public static class DevSignInEndpoints
{
    /// <summary>The development sign-in page.</summary>
    public const string LoginPath = "/.auth/login/dev";

    /// <summary>Where the workspace is, and where a sign-in without a destination of its own ends.</summary>
    public const string WorkspacePath = "/api/ui/";

    public static IEndpointRouteBuilder MapDevSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, ShowPeopleAsync);
        endpoints.MapPost(LoginPath, SignInAsync);
        endpoints.MapGet("/.auth/login/aad", context => LoopbackOnly(context, () =>
        {
            context.Response.Redirect(LoginPath + context.Request.QueryString);
            return Task.CompletedTask;
        }));
        endpoints.MapGet("/.auth/logout", context => LoopbackOnly(context, () =>
        {
            DevSession.Clear(context.Response);
            context.Response.Redirect(LocalPath(context.Request.Query["post_logout_redirect_uri"]) ?? LoginPath);
            return Task.CompletedTask;
        }));
        endpoints.MapGet("/.auth/me", MeAsync);
        return endpoints;
    }

    /// <summary>GET /.auth/login/dev: a form per person; the recruiter's comes with the Recruiter role ticked.</summary>
    public static Task ShowPeopleAsync(HttpContext context) => LoopbackOnly(context, () =>
    {
        var html = HtmlEncoder.Default;
        var destination = html.Encode(ReturnPath(context.Request.Query));
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in (DevHost)</title></head><body>")
            .Append("<h1>Sign in to InterviewScheduler</h1>")
            .Append("<p>Development sign-in: in Azure, App Service Authentication signs people in with Microsoft Entra ID. ")
            .Append("Recruiter routes need the app role <b>").Append(RecruiterAccess.Role).Append("</b>.</p><ul>");
        foreach (var person in DevAccounts.People)
        {
            page.Append("<li><form method=\"post\" action=\"").Append(LoginPath).Append("\">")
                .Append("<input type=\"hidden\" name=\"user\" value=\"").Append(html.Encode(person.Address)).Append("\">")
                .Append("<input type=\"hidden\" name=\"post_login_redirect_uri\" value=\"").Append(destination).Append("\">")
                .Append("<button type=\"submit\">").Append(html.Encode(person.DisplayName)).Append("</button> ")
                .Append(html.Encode(person.Address)).Append(person.JobTitle is { } title ? ", " + html.Encode(title) : "")
                .Append(" <label><input type=\"checkbox\" name=\"role\" value=\"").Append(RecruiterAccess.Role).Append('"')
                .Append(DevAccounts.IsRecruiter(person) ? " checked" : "").Append("> ").Append(RecruiterAccess.Role).Append("</label>")
                .Append("</form></li>");
        }

        page.Append("</ul><p><a href=\"/.auth/logout\">Sign out</a></p></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'";
        return context.Response.WriteAsync(page.ToString());
    });

    /// <summary>POST /.auth/login/dev (form: user, role, post_login_redirect_uri): signs in and goes on, with 303.</summary>
    public static Task SignInAsync(HttpContext context) => LoopbackOnly(context, async () =>
    {
        // A page of another origin must not sign this browser in: browsers name the origin of every form post.
        if (context.Request.Headers.Origin is [{ } origin] && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, Problems.Status(StatusCodes.Status403Forbidden, "Sign-in from another site refused."));
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (DevAccounts.Find(form?["user"]) is not { } person)
        {
            await WriteAsync(context, Problems.Validation(new Dictionary<string, string[]> { ["user"] = ["Not a person of the sandbox's company."] }));
            return;
        }

        new DevSession(person, form!["role"].Contains(RecruiterAccess.Role)).Write(context.Response);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = ReturnPath(form);
    });

    /// <summary>GET /.auth/me: <c>[{provider_name, user_id, user_claims}]</c> for the signed-in person, else 401.</summary>
    public static Task MeAsync(HttpContext context) => LoopbackOnly(context, () =>
    {
        if (ClientPrincipal.From(context.Request) is not { } principal)
        {
            return WriteAsync(context, Problems.Status(StatusCodes.Status401Unauthorized, "Nobody is signed in.", $"Sign in at {LoginPath}."));
        }

        return context.Response.WriteAsJsonAsync(new[] { new { provider_name = principal.AuthenticationType, user_id = principal.UserName ?? principal.ObjectId, user_claims = principal.Claims } });
    });

    private static Task LoopbackOnly(HttpContext context, Func<Task> handle)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Loopback.IsLoopback(context)
            ? handle()
            : WriteAsync(context, Problems.Status(StatusCodes.Status403Forbidden, "Development sign-in is for this machine only."));
    }

    private static string ReturnPath(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        foreach (var (name, value) in values)
        {
            // App Service's own name is post_login_redirect_uri; its documentation also shows ..._url.
            if (name is "post_login_redirect_uri" or "post_login_redirect_url" && LocalPath(value) is { } path) return path;
        }

        return WorkspacePath;
    }

    /// <summary>A path on this host, never another site ("//host" and "/\host" are other sites to a browser).</summary>
    private static string? LocalPath(string? value) =>
        value is ['/', var second, ..] && second is not ('/' or '\\') ? value : value == "/" ? value : null;

    private static Task WriteAsync(HttpContext context, ObjectResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
