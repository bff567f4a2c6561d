using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Functions.Access;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// Recruiters sign in with Entra ID through App Service Authentication: the template configures it (authsettingsV2)
/// to pass every request on with who signed in, the app's own check guards every recruiter route, and the
/// postprovision hook makes the app registration with the app role the app requires, changing nothing when run again.
/// </summary>
[Collection(TemplateDeploymentFixture.Name)]
public sealed partial class RecruiterSignInTests(TemplateDeployment deployment)
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000e1";
    private const string Endpoint = "https://func-interviews-abc.azurewebsites.net";
    private const string Callback = Endpoint + "/.auth/login/aad/callback";
    private static readonly string Hook = Path.Combine(BicepCli.InfraDirectory, "scripts", "register-recruiter-sign-in.sh");

    /// <summary>The HTTP routes open to anyone by design (each protected otherwise, or telling nothing).</summary>
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.Ordinal)
    {
        "health", // probes
        "notifications/calendar", "notifications/lifecycle", // Graph: the clientState secret
        "self-scheduling/options", "self-scheduling/pick", // candidates: the signed link
        "ui/{*path}", // the pages: files without data
        "me", // anyone signed in, about themselves
    };

    [Fact]
    public async Task With_the_registration_app_service_signs_people_in_with_entra_id_and_lets_the_app_decide()
    {
        await using var provisioned = await TemplateDeployment.ProvisionAsync(new Dictionary<string, string>(ScriptTests.NewEnvironment)
        {
            ["NOTIFICATION_CLIENT_STATE"] = "client-state-0123456789",
            ["AUTH_CLIENT_ID"] = ClientId,
        });
        var auth = Authentication(provisioned);

        Assert.True((bool)auth["platform"]!["enabled"]!);
        // GET /api/applications (recruiters) and POST /api/applications (intake) share a path: the app decides.
        Assert.False((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal(ClientId, provisioned.Evaluate(entra["registration"]!["clientId"]));
        Assert.Equal($"https://login.microsoftonline.com/{TemplateDeployment.TenantId}/v2.0", provisioned.Evaluate(entra["registration"]!["openIdIssuer"]));
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
    }

    [Fact]
    public void Before_the_registration_exists_app_service_is_on_and_nobody_can_sign_in()
    {
        // The first provision: App Service still in front, so that no request can bring a principal header of its own.
        var auth = Authentication(deployment);

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.False((bool)auth["identityProviders"]!["azureActiveDirectory"]!["enabled"]!);
    }

    [Fact]
    public void Every_route_anonymous_to_the_functions_host_checks_the_recruiter_role_unless_it_is_public_by_design()
    {
        // With App Service letting every request through, a route without a key is guarded only by the app.
        var functions = Path.Combine(BicepCli.RepositoryRoot, "src", "InterviewScheduler.Functions");
        var anonymous = Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .SelectMany(f => AnonymousRoute().Matches(f.Text).Select(m => (Route: m.Groups["route"].Value, f.File, f.Text)))
            .ToList();

        Assert.Contains(anonymous, a => a.Route == "applications/{id}"); // the scan finds routes
        Assert.All(anonymous.Where(a => !PublicRoutes.Contains(a.Route)), a =>
            Assert.True(a.Text.Contains("RecruiterAccess.Deny(request)", StringComparison.Ordinal), $"{a.Route} ({Path.GetFileName(a.File)}) is anonymous and does not check RecruiterAccess"));
    }

    [Fact]
    public async Task The_hook_registers_the_app_with_the_recruiter_role_and_its_redirect_uri_and_a_second_run_changes_nothing()
    {
        using var az = new FakeAz();
        using var azd = new FakeAzd(Provisioned());

        var first = await azd.RunHookAsync(Hook, tools: az.Directory);
        var callsAfterFirst = az.Calls.Count;
        var second = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(FakeAz.CreatedAppId, azd.Values["AUTH_CLIENT_ID"]);
        Assert.Contains(az.Calls, c => c.StartsWith("ad app create --display-name InterviewScheduler (interviews-test) --sign-in-audience AzureADMyOrg", StringComparison.Ordinal));
        var role = Assert.Single(az.Roles)!;
        Assert.Equal(RecruiterAccess.Role, (string?)role["value"]);
        Assert.Equal(["User"], role["allowedMemberTypes"]!.AsArray().Select(t => (string?)t));
        Assert.True((bool)role["isEnabled"]!);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string?)role["id"]);
        Assert.Equal([Callback], az.RedirectUris);
        Assert.True(az.IssuesIdTokens);
        Assert.True(az.HasServicePrincipal);
        Assert.Contains("azd provision", first.StandardOutput, StringComparison.Ordinal);

        // Again, as every later `azd provision` runs it: reads only, and azd's value stays.
        var again = az.Calls.Skip(callsAfterFirst).ToList();
        Assert.DoesNotContain(again, c => c.StartsWith("ad app create", StringComparison.Ordinal) || c.StartsWith("ad app update", StringComparison.Ordinal) || c.StartsWith("ad sp create", StringComparison.Ordinal));
        Assert.Single(azd.Calls, c => c.StartsWith("env set AUTH_CLIENT_ID ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registration_made_before_keeps_its_other_roles_and_redirect_uris()
    {
        const string appId = "22222222-2222-4222-8222-222222222222";
        const string otherRole = """
            [
              {
                "allowedMemberTypes": ["User"],
                "description": "Hiring managers",
                "displayName": "Hiring manager",
                "id": "33333333-3333-4333-8333-333333333333",
                "isEnabled": true,
                "value": "HiringManager"
              }
            ]
            """;
        using var az = new FakeAz();
        az.Existing(appId, "Recruiting workspace", otherRole, "https://recruiting.contoso.com/.auth/login/aad/callback");
        using var azd = new FakeAzd(new Dictionary<string, string>(Provisioned()) { ["AUTH_CLIENT_ID"] = appId });

        var result = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["HiringManager", RecruiterAccess.Role], az.Roles.Select(r => (string?)r!["value"]));
        Assert.Equal(["https://recruiting.contoso.com/.auth/login/aad/callback", Callback], az.RedirectUris);
        Assert.DoesNotContain(az.Calls, c => c.StartsWith("ad app create", StringComparison.Ordinal));
        Assert.DoesNotContain(azd.Calls, c => c.StartsWith("env set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hook_stops_before_provisioning_has_given_the_app_a_host()
    {
        using var az = new FakeAz();
        using var azd = new FakeAzd(ScriptTests.NewEnvironment);

        var result = await azd.RunHookAsync(Hook, tools: az.Directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SERVICE_FUNCTIONS_ENDPOINT", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(az.Calls);
    }

    /// <summary>An azd environment after a provision: main.bicep's outputs are in it.</summary>
    private static Dictionary<string, string> Provisioned() => new(ScriptTests.NewEnvironment) { ["SERVICE_FUNCTIONS_ENDPOINT"] = Endpoint };

    private static JsonObject Authentication(TemplateDeployment template) =>
        template.OfType("Microsoft.Web/sites/config").Single(c => ((string)c["name"]!).EndsWith("/authsettingsV2", StringComparison.Ordinal))["properties"]!.AsObject();

    [GeneratedRegex(@"HttpTrigger\(AuthorizationLevel\.Anonymous,[^)]*Route = ""(?<route>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex AnonymousRoute();
}
