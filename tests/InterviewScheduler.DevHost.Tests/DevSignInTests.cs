using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewScheduler.DevHost.SignIn;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.DevHost.Tests;

/// <summary>
/// The DevHost's development sign-in stands in for App Service Authentication: a person of the sandbox's company signs
/// in at /.auth/login/dev, and the functions see them as X-MS-CLIENT-PRINCIPAL; only from this machine.
/// </summary>
public sealed class DevSignInTests
{
    private const string Interviewer = "lead.engineer@contoso.com";

    [Fact]
    public async Task Signed_in_as_the_recruiter_a_recruiter_route_answers_200()
    {
        await using var host = await TestDevHost.StartAsync();
        var applicationId = await ApplyAsync(host);
        using var browser = Browser(host);

        using var signIn = await SignInAsync(browser, SandboxCompany.RecruiterMailbox, recruiter: true);
        using var view = await browser.GetAsync(new Uri($"api/applications/{applicationId}", UriKind.Relative));
        var me = await browser.GetFromJsonAsync<JsonElement>(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("Jordan Lee", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("recruiter").GetBoolean());
        Assert.Equal(DevSignInEndpoints.WorkspacePath, signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(applicationId, (await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task Without_signing_in_a_recruiter_route_answers_401_and_after_signing_out_again()
    {
        await using var host = await TestDevHost.StartAsync();
        var applicationId = await ApplyAsync(host);
        using var browser = Browser(host);

        using var before = await browser.GetAsync(new Uri($"api/applications/{applicationId}", UriKind.Relative));
        (await SignInAsync(browser, SandboxCompany.RecruiterMailbox, recruiter: true)).Dispose();
        (await browser.GetAsync(new Uri(".auth/logout", UriKind.Relative))).Dispose();
        using var after = await browser.GetAsync(new Uri($"api/applications/{applicationId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal("application/problem+json", before.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Signed_in_as_an_interviewer_a_recruiter_route_answers_403_unless_the_role_was_chosen()
    {
        await using var host = await TestDevHost.StartAsync();
        var applicationId = await ApplyAsync(host);
        using var plain = Browser(host);
        using var chosen = Browser(host);

        (await SignInAsync(plain, Interviewer, recruiter: false)).Dispose();
        (await SignInAsync(chosen, Interviewer, recruiter: true)).Dispose();
        using var denied = await plain.GetAsync(new Uri($"api/applications/{applicationId}", UriKind.Relative));
        using var allowed = await chosen.GetAsync(new Uri($"api/applications/{applicationId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_people_with_the_recruiter_role_ticked_for_the_recruiter_only()
    {
        await using var host = await TestDevHost.StartAsync();
        using var browser = Browser(host);

        var page = await browser.GetStringAsync(new Uri(".auth/login/dev", UriKind.Relative));
        using var aad = await browser.GetAsync(new Uri(".auth/login/aad?post_login_redirect_uri=/api/ui/pick.html", UriKind.Relative));

        var forms = page.Split("<form").Skip(1).ToList();
        Assert.Equal(DevAccounts.People.Count, forms.Count);
        Assert.Single(forms, f => f.Contains(" checked>", StringComparison.Ordinal));
        Assert.Contains(SandboxCompany.RecruiterMailbox, forms.Single(f => f.Contains(" checked>", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCompany.OrganizerMailbox, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, aad.StatusCode);
        Assert.Equal("/.auth/login/dev?post_login_redirect_uri=/api/ui/pick.html", aad.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Me_answers_who_is_signed_in_as_app_service_does_and_401_for_nobody()
    {
        await using var host = await TestDevHost.StartAsync();
        using var browser = Browser(host);

        using var nobody = await browser.GetAsync(new Uri(".auth/me", UriKind.Relative));
        (await SignInAsync(browser, SandboxCompany.RecruiterMailbox, recruiter: true)).Dispose();
        var me = (await browser.GetFromJsonAsync<JsonElement>(new Uri(".auth/me", UriKind.Relative))).EnumerateArray().Single();

        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal("aad", me.GetProperty("provider_name").GetString());
        Assert.Equal(SandboxCompany.RecruiterMailbox, me.GetProperty("user_id").GetString());
        Assert.Contains(me.GetProperty("user_claims").EnumerateArray(), c => c.GetProperty("typ").GetString() == "roles" && c.GetProperty("val").GetString() == RecruiterAccess.Role);
    }

    [Fact]
    public async Task A_sign_in_goes_back_only_to_a_path_of_this_host_and_not_from_another_site()
    {
        await using var host = await TestDevHost.StartAsync();
        using var browser = Browser(host);

        using var local = await SignInAsync(browser, Interviewer, recruiter: false, ("post_login_redirect_uri", "/api/ui/pick.html?x=1"));
        using var elsewhere = await SignInAsync(browser, Interviewer, recruiter: false, ("post_login_redirect_uri", "//evil.example/"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(".auth/login/dev", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("user", SandboxCompany.RecruiterMailbox), new("role", RecruiterAccess.Role)]),
        };
        request.Headers.Add("Origin", "http://evil.example");
        using var crossSite = await Browser(host).SendAsync(request);
        using var unknown = await SignInAsync(browser, "nobody@contoso.com", recruiter: true);

        Assert.Equal("/api/ui/pick.html?x=1", local.Headers.Location?.OriginalString);
        Assert.Equal(DevSignInEndpoints.WorkspacePath, elsewhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.False(crossSite.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_request_from_another_machine_loses_its_principal_header_and_cannot_sign_in()
    {
        var forged = new DefaultHttpContext();
        forged.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        forged.Request.Headers[ClientPrincipal.HeaderName] = TestPrincipals.Recruiter.ToHeaderValue();
        forged.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "talent.recruiter@contoso.com";
        forged.Request.Headers.Cookie = $"{DevSession.CookieName}={SandboxCompany.RecruiterMailbox}:recruiter";
        string? seen = "not called";

        await ClientPrincipalForwarding.InvokeAsync(forged, context =>
        {
            seen = context.Request.Headers[ClientPrincipal.HeaderName];
            return Task.CompletedTask;
        });
        var signIn = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider() };
        signIn.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        signIn.Request.Method = "POST";
        signIn.Response.Body = new MemoryStream();
        await DevSignInEndpoints.SignInAsync(signIn);

        Assert.True(string.IsNullOrEmpty(seen), seen);
        Assert.False(forged.Request.Headers.ContainsKey("X-MS-CLIENT-PRINCIPAL-NAME"));
        Assert.Equal(StatusCodes.Status403Forbidden, signIn.Response.StatusCode);
        Assert.False(signIn.Response.Headers.ContainsKey("Set-Cookie"));
    }

    [Fact]
    public async Task A_loopback_request_with_a_sign_in_cookie_reaches_the_functions_as_that_person()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        context.Request.Headers.Cookie = $"{DevSession.CookieName}={Uri.EscapeDataString(Interviewer)}";
        ClientPrincipal? seen = null;

        await ClientPrincipalForwarding.InvokeAsync(context, c =>
        {
            seen = ClientPrincipal.From(c.Request);
            return Task.CompletedTask;
        });

        Assert.NotNull(seen);
        Assert.Empty(seen.Roles);
        Assert.Equal(DevAccounts.Find(Interviewer)!.Id.ToString(), seen.ObjectId);
    }

    /// <summary>A browser of its own: a cookie jar, no principal header, redirects not followed.</summary>
    private static HttpClient Browser(TestDevHost host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = host.BaseUrl };

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, bool recruiter, params (string Name, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>> { new("user", user) };
        if (recruiter) fields.Add(new("role", RecruiterAccess.Role));
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)));
        return browser.PostAsync(new Uri(".auth/login/dev", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<string> ApplyAsync(TestDevHost host)
    {
        using var applied = await host.Http.PostAsJsonAsync("api/applications", new
        {
            candidate = new { name = "Ada Lovelace", email = $"ada.{Guid.NewGuid():N}@example.org" },
            role = new { id = "senior-engineer", title = "Senior Software Engineer" },
        });
        Assert.Equal(HttpStatusCode.Accepted, applied.StatusCode);
        return (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
    }
}
