using System.Text;
using System.Text.Json;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Health;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Functions.Privacy;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.Access;

/// <summary>
/// Who may use the recruiter routes: a person App Service Authentication signed in (X-MS-CLIENT-PRINCIPAL) with the
/// app role Recruiter. Without a readable principal 401, without the role 403; the intake, notification and health
/// routes do not ask for one.
/// </summary>
public sealed class RecruiterAccessTests
{
    private const string Panel = """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}]}""";
    private const string AnyId = "0123456789abcdef0123456789abcdef";

    /// <summary>Header values that no App Service wrote.</summary>
    public static TheoryData<string> Garbled() => new()
    {
        "not base64 at all!",
        Base64("plain text, not JSON"),
        Base64("""["an", "array"]"""),
        Base64("""{"claims":[{"typ":"roles","val":"Recruiter"}]}"""), // no provider
        Base64("""{"auth_typ":"aad"}"""), // no claims
        Base64("""{"auth_typ":"aad","claims":[{"typ":"roles","val":7}]}"""),
        Base64("""{"auth_typ":"aad","claims":[null]}"""),
        Base64("""{"auth_typ":"aad","claims":[{"typ":"roles","val":"Recruiter"}]"""), // cut short
    };

    [Fact]
    public void A_recruiter_is_let_through()
    {
        Assert.Null(RecruiterAccess.Deny(FunctionRequests.Get()));
    }

    [Fact]
    public void Nobody_signed_in_answers_401_problem_json()
    {
        var denied = RecruiterAccess.Deny(FunctionRequests.Anonymous(FunctionRequests.Get()));

        AssertProblem(denied, StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public void A_person_without_the_recruiter_role_answers_403_problem_json()
    {
        var denied = RecruiterAccess.Deny(FunctionRequests.SignedInAs(FunctionRequests.Get(), TestPrincipals.Interviewer));

        var problem = AssertProblem(denied, StatusCodes.Status403Forbidden);
        Assert.Contains(RecruiterAccess.Role, problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("lead.engineer", problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Garbled))]
    public void A_garbled_or_forged_header_counts_as_nobody_signed_in(string header)
    {
        var request = FunctionRequests.Get();
        request.Headers[ClientPrincipal.HeaderName] = header;

        AssertProblem(RecruiterAccess.Deny(request), StatusCodes.Status401Unauthorized);
    }

    [Fact]
    public void Roles_are_read_from_the_roles_claim_and_from_the_type_role_typ_names()
    {
        // Entra ID's app roles arrive as "roles" while role_typ names the WS-Federation role URI; either counts.
        var byRoleType = new ClientPrincipal
        {
            AuthenticationType = "aad",
            RoleClaimType = ClientPrincipal.EntraRoleType,
            Claims = [new(ClientPrincipal.EntraRoleType, RecruiterAccess.Role)],
        };
        var lowercase = byRoleType with { Claims = [new(ClientPrincipal.RolesClaim, "recruiter")] };

        Assert.Null(RecruiterAccess.Deny(FunctionRequests.SignedInAs(FunctionRequests.Get(), byRoleType)));
        AssertProblem(RecruiterAccess.Deny(FunctionRequests.SignedInAs(FunctionRequests.Get(), lowercase)), StatusCodes.Status403Forbidden);
    }

    [Fact]
    public void A_principal_reads_back_what_app_service_wrote()
    {
        var header = TestPrincipals.Recruiter.ToHeaderValue();
        using var json = JsonDocument.Parse(Convert.FromBase64String(header));

        Assert.True(ClientPrincipal.TryParse(header, out var read));
        Assert.Equal("aad", json.RootElement.GetProperty("auth_typ").GetString());
        Assert.Equal(ClientPrincipal.EntraRoleType, json.RootElement.GetProperty("role_typ").GetString());
        Assert.Contains(json.RootElement.GetProperty("claims").EnumerateArray(), c => c.GetProperty("typ").GetString() == "roles" && c.GetProperty("val").GetString() == "Recruiter");
        Assert.Equal(TestPrincipals.Recruiter.ObjectId, read!.ObjectId);
        Assert.Equal("Jordan Lee", read.Name);
        Assert.Equal([RecruiterAccess.Role], read.Roles);
    }

    [Fact]
    public async Task Every_recruiter_route_answers_401_to_nobody_and_403_to_a_non_recruiter_before_anything_else()
    {
        await using var app = await TestApp.StartAsync();
        var routes = new Func<HttpRequest, Task<IActionResult>>[]
        {
            r => app.Function<GetApplicationFunction>().Run(r, AnyId, CancellationToken.None),
            r => app.Function<InterviewOptionsFunction>().Run(Post(r), AnyId, CancellationToken.None),
            r => app.Function<BookInterviewsFunction>().Run(Post(r), AnyId, CancellationToken.None),
            r => app.Function<DeleteApplicationFunction>().Run(r, AnyId, CancellationToken.None),
        };

        foreach (var route in routes)
        {
            AssertProblem(await route(FunctionRequests.Anonymous(FunctionRequests.Json(Panel))), StatusCodes.Status401Unauthorized);
            AssertProblem(await route(FunctionRequests.SignedInAs(FunctionRequests.Json(Panel), TestPrincipals.Interviewer)), StatusCodes.Status403Forbidden);
            // The recruiter gets past the check to the route's own answer: no such application.
            Assert.Equal(StatusCodes.Status404NotFound, FunctionRequests.StatusOf(await route(FunctionRequests.Json(Panel))));
        }

        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Path.Contains("getSchedule", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Intake_notification_and_health_routes_need_no_principal()
    {
        await using var app = await TestApp.StartAsync();
        const string application = """{"candidate":{"name":"Ada Lovelace","email":"ada@example.org"},"role":{"id":"senior-engineer","title":"Senior Software Engineer"}}""";
        var handshake = FunctionRequests.Anonymous(FunctionRequests.Json(""));
        handshake.QueryString = new QueryString("?validationToken=hello");

        var intake = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Json(application)), CancellationToken.None);
        var notification = await app.Function<CalendarNotificationFunction>().Run(handshake, CancellationToken.None);
        var health = await app.Function<HealthFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Get("/api/health")), CancellationToken.None);

        Assert.IsType<AcceptedResult>(intake);
        Assert.Equal("hello", Assert.IsType<ContentResult>(notification).Content);
        Assert.IsType<OkObjectResult>(health);
    }

    [Fact]
    public void Me_answers_who_is_signed_in_and_whether_they_are_a_recruiter_and_401_for_nobody()
    {
        var recruiter = Assert.IsType<OkObjectResult>(SignedInPersonFunction.Run(FunctionRequests.Get()));
        var interviewer = Assert.IsType<OkObjectResult>(SignedInPersonFunction.Run(FunctionRequests.SignedInAs(FunctionRequests.Get(), TestPrincipals.Interviewer)));
        var nobody = SignedInPersonFunction.Run(FunctionRequests.Anonymous(FunctionRequests.Get()));

        var jordan = Assert.IsType<SignedInPersonFunction.SignedInPerson>(recruiter.Value);
        Assert.Equal(("Jordan Lee", "talent.recruiter@contoso.com", true), (jordan.Name, jordan.UserName, jordan.Recruiter));
        Assert.Equal([RecruiterAccess.Role], jordan.Roles);
        var person = Assert.IsType<SignedInPersonFunction.SignedInPerson>(interviewer.Value);
        Assert.False(person.Recruiter);
        Assert.Empty(person.Roles);
        AssertProblem(nobody, StatusCodes.Status401Unauthorized);
    }

    private static HttpRequest Post(HttpRequest request)
    {
        request.Method = "POST";
        return request;
    }

    private static ProblemDetails AssertProblem(IActionResult? result, int status)
    {
        var answer = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, answer.StatusCode);
        Assert.Contains("application/problem+json", answer.ContentTypes);
        var problem = Assert.IsAssignableFrom<ProblemDetails>(answer.Value);
        Assert.Equal(status, problem.Status);
        return problem;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
