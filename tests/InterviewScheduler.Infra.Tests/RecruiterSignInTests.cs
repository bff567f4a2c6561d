using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Functions.Access;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// Recruiters sign in with Entra ID through App Service Authentication: the template configures it (authsettingsV2),
/// leaving open exactly the routes that are protected otherwise or public by design, and the postprovision hook makes
/// the app registration with the app role the app requires, changing nothing when run again.
/// </summary>
[Collection(TemplateDeploymentFixture.Name)]
public sealed partial class RecruiterSignInTests(TemplateDeployment deployment)
{
    private const string ClientId = "00000000-0000-0000-0000-0000000000e1";
    private const string Endpoint = "https://func-interviews-abc.azurewebsites.net";
    private const string Callback = Endpoint + "/.auth/login/aad/callback";
    private static readonly string Hook = Path.Combine(BicepCli.InfraDirectory, "scripts", "register-recruiter-sign-in.sh");

    /// <summary>Request paths App Service must let through without a sign-in, and why.</summary>
    public static TheoryData<string> OpenPaths() => new()
    {
        "/api/health", // probes
        "/api/applications", // intake (function key)
        "/api/intake/greenhouse", // ATS web hook (key and signature)
        "/api/notifications/calendar", // Graph (clientState)
        "/api/notifications/lifecycle",
        "/api/self-scheduling/0123456789abcdef/slots", // candidates (signed link)
        "/api/ui/pick.html", // the candidate's page
    };

    /// <summary>Recruiter pages and routes: App Service signs people in before they reach the app.</summary>
    public static TheoryData<string> SignedInPaths() => new()
    {
        "/api/ui/",
        "/api/ui/index.html",
        "/api/me",
        "/api/applications/0123456789abcdef0123456789abcdef",
        "/api/applications/0123456789abcdef0123456789abcdef/interviews",
        "/api/applications/0123456789abcdef0123456789abcdef/interviews/options",
        "/api/applications/0123456789abcdef0123456789abcdef/self-scheduling",
    };

    [Fact]
    public async Task With_the_registration_app_service_requires_sign_in_with_entra_id_and_sends_pages_to_it()
    {
        await using var provisioned = await TemplateDeployment.ProvisionAsync(new Dictionary<string, string>(ScriptTests.NewEnvironment)
        {
            ["NOTIFICATION_CLIENT_STATE"] = "client-state-0123456789",
            ["AUTH_CLIENT_ID"] = ClientId,
        });
        var auth = Authentication(provisioned);

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("RedirectToLoginPage", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal(ClientId, provisioned.Evaluate(entra["registration"]!["clientId"]));
        Assert.Equal($"https://login.microsoftonline.com/{TemplateDeployment.TenantId}/v2.0", provisioned.Evaluate(entra["registration"]!["openIdIssuer"]));
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
    }

    [Fact]
    public void Before_the_registration_exists_nobody_can_sign_in_and_signed_in_routes_answer_401()
    {
        // The first provision: still App Service in front, so that no request can bring a principal header of its own.
        var auth = Authentication(deployment);

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("Return401", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.False((bool)auth["identityProviders"]!["azureActiveDirectory"]!["enabled"]!);
    }

    [Theory]
    [MemberData(nameof(OpenPaths))]
    public void Routes_protected_otherwise_or_public_by_design_need_no_sign_in(string path)
    {
        Assert.True(IsExcluded(path), $"{path} is not in excludedPaths");
    }

    [Theory]
    [MemberData(nameof(SignedInPaths))]
    public void Recruiter_pages_and_routes_need_a_sign_in(string path)
    {
        Assert.False(IsExcluded(path), $"{path} is in excludedPaths");
    }

    [Fact]
    public void Every_excluded_path_is_a_route_of_the_app()
    {
        var routes = typeof(ClientPrincipal).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes(false).FirstOrDefault(a => a.GetType().Name == "HttpTriggerAttribute"))
            .OfType<object>()
            .Select(a => "/api/" + (string)a.GetType().GetProperty("Route")!.GetValue(a)!)
            .ToList();

        // The pages are files of one route (ui/{*path}); the candidate routes come with self-scheduling.
        var checkable = ExcludedPaths(deployment).Where(e => !e.StartsWith("/api/ui/", StringComparison.Ordinal) && e != "/api/self-scheduling/*");
        Assert.All(checkable, excluded => Assert.True(
            routes.Any(r => excluded.EndsWith('*') ? r.StartsWith(excluded.TrimEnd('*'), StringComparison.Ordinal) : r == excluded),
            $"{excluded} matches no route"));
    }

    [Fact]
    public void The_files_the_candidate_page_loads_need_no_sign_in()
    {
        var page = Path.Combine(BicepCli.RepositoryRoot, "src", "InterviewScheduler.Functions", "Pages", "wwwroot", "pick.html");
        if (!File.Exists(page)) return; // the page comes with candidate self-scheduling

        var loaded = LocalReference().Matches(File.ReadAllText(page)).Select(m => m.Groups["file"].Value).Where(f => !f.Contains(':', StringComparison.Ordinal) && !f.StartsWith('#'));
        Assert.All(loaded, file =>
        {
            var path = file.StartsWith('/') ? file : "/api/ui/" + file.TrimStart('.', '/');
            Assert.True(IsExcluded(path.Split('?')[0]), $"pick.html loads {path}, which is not in excludedPaths");
        });
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

    private static List<string> ExcludedPaths(TemplateDeployment template) =>
        [.. Authentication(template)["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => (string)p!)];

    /// <summary>
    /// App Service's matching of excludedPaths: an entry is one exact path, or with a trailing <c>*</c> every path under
    /// it (https://github.com/MicrosoftDocs/azure-docs/issues/86514, answered by the product team).
    /// </summary>
    private bool IsExcluded(string path) =>
        ExcludedPaths(deployment).Any(e => e.EndsWith("/*", StringComparison.Ordinal) ? path.StartsWith(e[..^1], StringComparison.Ordinal) : path == e);

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<file>[^"']+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocalReference();
}
