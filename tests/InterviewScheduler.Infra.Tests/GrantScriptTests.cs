namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// What grant-graph-permissions.sh actually grants in Entra ID, run against a stand-in Azure CLI: tenant-wide the
/// README's permissions, with Exchange RBAC for Applications only the directory permission; never one twice.
/// </summary>
public sealed class GrantScriptTests : IDisposable
{
    // A stand-in for the az commands the script uses. Each Graph app role's id is "role-<name>"; app role assignments
    // the script posts are kept in a file and listed back on the next run.
    private const string FakeAz = """
        #!/bin/sh
        dir="$(dirname "$0")"
        echo "$*" >> "$dir/calls"
        touch "$dir/granted"
        case "$1 $2" in
          "account show") exit 0 ;;
          "cloud show") echo "https://graph.microsoft.com/" ;;
          "ad sp")
            case "$7" in
              id) echo "graph-sp-id" ;;
              appRoles*) echo "role-$(printf '%s' "$7" | sed -n "s/.*value=='\([^']*\)'.*/\1/p")" ;;
              *) echo "fake az: query $7 is not supported" >&2; exit 2 ;;
            esac ;;
          "rest --method")
            case "$3 $5" in
              "get "*appRoleAssignments*) sed 's/^/role-/' "$dir/granted" ;;
              "get "*) exit 0 ;;
              "post "*) printf '%s\n' "$9" | sed -n 's/.*"appRoleId":"role-\([^"]*\)".*/\1/p' >> "$dir/granted" ;;
            esac ;;
          *) echo "fake az: $* is not supported" >&2; exit 2 ;;
        esac

        """;

    private static readonly string Script = Path.Combine(BicepCli.InfraDirectory, "scripts", "grant-graph-permissions.sh");

    private readonly TemporaryDirectory _tools = new();

    public GrantScriptTests()
    {
        var az = Path.Combine(_tools.Path, "az");
        File.WriteAllText(az, FakeAz.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private List<string> Granted => File.Exists(Path.Combine(_tools.Path, "granted"))
        ? File.ReadAllLines(Path.Combine(_tools.Path, "granted")).Order(StringComparer.Ordinal).ToList()
        : [];

    [Fact]
    public async Task Tenant_wide_it_grants_the_permissions_the_readme_lists_once()
    {
        var first = await RunAsync(mailboxAccess: null);
        var second = await RunAsync(mailboxAccess: null);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(GraphPermissionTests.RootReadmeTenantGrants(), Granted);
        Assert.DoesNotContain("granted.", second.StandardOutput.Replace("already granted.", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_exchange_rbac_it_grants_only_the_directory_permission()
    {
        var result = await RunAsync(mailboxAccess: "exchange-rbac");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(GraphPermissionTests.Needed("directory"), Granted);
        Assert.Equal(GraphPermissionTests.InfraReadmeGroups()["directory"], Granted);
    }

    public void Dispose() => _tools.Dispose();

    private Task<CliResult> RunAsync(string? mailboxAccess) => Shell.RunAsync("bash", [Script], new Dictionary<string, string?>
    {
        ["PATH"] = _tools.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        ["MANAGED_IDENTITY_PRINCIPAL_ID"] = "00000000-0000-0000-0000-0000000000c2",
        ["GRAPH_MAILBOX_ACCESS"] = mailboxAccess,
        ["GRAPH_APP_ROLES"] = null,
        ["GRANT_GRAPH_PERMISSIONS"] = null,
    });
}
