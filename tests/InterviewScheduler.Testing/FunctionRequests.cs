using System.Text;
using InterviewScheduler.Functions.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace InterviewScheduler.Testing;

/// <summary>
/// HTTP requests for calling HTTP-triggered function classes directly, and reading what they answer. Each request
/// carries <see cref="TestPrincipals.Recruiter"/> as App Service Authentication would, unless the test takes it away
/// (<see cref="Anonymous"/>) or signs in someone else (<see cref="SignedInAs"/>).
/// </summary>
public static class FunctionRequests
{
    public static HttpRequest Json(string body, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        Raw(Encoding.UTF8.GetBytes(body), contentType, headers);

    public static HttpRequest Raw(byte[] body, string? contentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        SignedInAs(context.Request, TestPrincipals.Recruiter);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.Request.Headers[name] = value;
        return context.Request;
    }

    public static HttpRequest Get() => SignedInAs(new DefaultHttpContext { Request = { Method = "GET" } }.Request, TestPrincipals.Recruiter);

    /// <summary>A GET of <paramref name="path"/> with an optional query string such as <c>?deep=true</c>.</summary>
    public static HttpRequest Get(string path, string? query = null) =>
        SignedInAs(new DefaultHttpContext { Request = { Method = "GET", Path = path, QueryString = new QueryString(query) } }.Request, TestPrincipals.Recruiter);

    /// <summary>A DELETE, as the recruiter.</summary>
    public static HttpRequest Delete() => SignedInAs(new DefaultHttpContext { Request = { Method = "DELETE" } }.Request, TestPrincipals.Recruiter);

    /// <summary><paramref name="request"/> with nobody signed in: no <c>X-MS-CLIENT-PRINCIPAL</c> header.</summary>
    public static HttpRequest Anonymous(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(ClientPrincipal.HeaderName);
        return request;
    }

    /// <summary><paramref name="request"/> with <paramref name="principal"/> signed in.</summary>
    public static HttpRequest SignedInAs(HttpRequest request, ClientPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(principal);
        request.Headers[ClientPrincipal.HeaderName] = principal.ToHeaderValue();
        return request;
    }

    /// <summary>The status code an action result answers with.</summary>
    public static int StatusOf(IActionResult result) => result switch
    {
        ObjectResult { StatusCode: { } code } => code,
        OkObjectResult => StatusCodes.Status200OK,
        IStatusCodeActionResult { StatusCode: { } code } => code,
        _ => throw new InvalidOperationException($"No status in {result.GetType().Name}"),
    };
}
