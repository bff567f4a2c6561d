using InterviewScheduler.Functions.Access;
using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.DevHost.SignIn;

/// <summary>
/// A development sign-in, kept in a cookie as App Service keeps its session in <c>AppServiceAuthSession</c>: the
/// person's address and whether they hold the Recruiter role. Unsigned, since anyone who reaches the loopback DevHost
/// may sign in as anyone; the cookie is HttpOnly and SameSite=Strict so that no other site's page sends it.
/// </summary>
/// <param name="Person">A person of <see cref="DevAccounts.People"/>.</param>
/// <param name="Recruiter">Whether the Recruiter app role was given.</param>
public sealed record DevSession(SandboxUser Person, bool Recruiter)
{
    public const string CookieName = "DevHostAuthSession";

    private const string RecruiterMark = "recruiter";

    /// <summary>The principal the DevHost passes to the functions for this sign-in.</summary>
    public ClientPrincipal Principal => DevAccounts.PrincipalFor(Person, Recruiter);

    /// <summary>The request's sign-in, or null without a cookie or with one naming nobody the DevHost knows.</summary>
    public static DevSession? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        var parts = value.Split(':', 2);
        return DevAccounts.Find(parts[0]) is { } person ? new DevSession(person, parts is [_, RecruiterMark]) : null;
    }

    /// <summary>Signs the browser in until it signs out or closes.</summary>
    public void Write(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, Recruiter ? $"{Person.Address}:{RecruiterMark}" : Person.Address, Options());
    }

    /// <summary>Signs the browser out.</summary>
    public static void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName, Options());
    }

    private static CookieOptions Options() => new() { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true };
}
