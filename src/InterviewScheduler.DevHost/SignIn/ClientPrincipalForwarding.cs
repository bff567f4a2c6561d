using InterviewScheduler.Functions.Access;

namespace InterviewScheduler.DevHost.SignIn;

/// <summary>
/// What App Service Authentication does in front of the functions, for the DevHost: a request's development sign-in
/// (<see cref="DevSession"/>) becomes the <c>X-MS-CLIENT-PRINCIPAL</c> header the functions read. A request from
/// another machine loses any such header it brings, as App Service removes them from requests that arrive with them;
/// one from this machine keeps it, so that tests and tools can act as a principal of their own.
/// </summary>
public static class ClientPrincipalForwarding
{
    private static readonly string[] PlatformHeaders =
        [ClientPrincipal.HeaderName, "X-MS-CLIENT-PRINCIPAL-ID", "X-MS-CLIENT-PRINCIPAL-NAME", "X-MS-CLIENT-PRINCIPAL-IDP"];

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.Request.Headers;
        if (!Loopback.IsLoopback(context))
        {
            foreach (var name in PlatformHeaders) headers.Remove(name);
        }
        else if (DevSession.From(context.Request) is { } session)
        {
            headers[ClientPrincipal.HeaderName] = session.Principal.ToHeaderValue();
        }

        await next(context);
    }
}
