using System.Text.Json.Nodes;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// A stand-in for the Azure CLI's app registration commands that register-recruiter-sign-in.sh uses (<c>az ad app</c>
/// show, list, create, update; <c>az ad sp</c> show, create), keeping one tenant's single registration in files, and
/// for the function key commands ensure-intake-keys.sh uses (<c>az functionapp function keys</c> list, set), recording
/// every call. Put <see cref="Directory"/> on PATH (<see cref="FakeAzd.RunHookAsync"/>'s tools).
/// </summary>
internal sealed class FakeAz : IDisposable
{
    /// <summary>The application id a created registration gets.</summary>
    public const string CreatedAppId = "11111111-2222-4333-8444-555555555555";

    private const string Script = """
        #!/bin/sh
        set -eu
        dir="$(dirname "$0")"
        echo "$*" >> "$dir/calls"
        known() { [ -f "$dir/app" ] && [ "$(cat "$dir/app")" = "$1" ]; }
        case "${1:-} ${2:-} ${3:-}" in
          "account show --output") exit 0 ;;
          "ad app list")
            if [ -f "$dir/name" ] && [ "$(cat "$dir/name")" = "$5" ]; then cat "$dir/app"; fi ;;
          "ad app create")
            printf '%s' "$5" > "$dir/name"
            printf '%s' "11111111-2222-4333-8444-555555555555" > "$dir/app"
            cat "$dir/app" ;;
          "ad app show")
            known "$5" || { echo "ERROR: Resource '$5' does not exist." >&2; exit 3; }
            case "$7" in
              appId) cat "$dir/app" ;;
              appRoles) if [ -f "$dir/roles" ]; then cat "$dir/roles"; else echo "[]"; fi ;;
              "appRoles[?value=='Recruiter'].id | [0]")
                if [ -f "$dir/roles" ] && tr -d ' \n' < "$dir/roles" | grep -q '"value":"Recruiter"'; then echo "role-id"; fi ;;
              web.redirectUris) if [ -f "$dir/uris" ]; then cat "$dir/uris"; fi ;;
              web.implicitGrantSettings.enableIdTokenIssuance) if [ -f "$dir/idtokens" ]; then cat "$dir/idtokens"; else echo false; fi ;;
              *) echo "fake az: query $7 is not supported" >&2; exit 2 ;;
            esac ;;
          "ad app update")
            known "$5" || exit 3
            case "$6" in
              --app-roles) printf '%s' "$7" > "$dir/roles" ;;
              --web-redirect-uris)
                shift 6
                : > "$dir/uris"
                while [ "$1" != "--enable-id-token-issuance" ]; do echo "$1" >> "$dir/uris"; shift; done
                echo "$2" > "$dir/idtokens" ;;
              *) echo "fake az: update $6 is not supported" >&2; exit 2 ;;
            esac ;;
          "ad sp show") known "$5" && [ -f "$dir/sp" ] && echo "sp-id" || { echo "ERROR: not found" >&2; exit 3; } ;;
          "ad sp create") known "$5" || exit 3; touch "$dir/sp"; echo "sp-id" ;;
          "functionapp function keys")
            # functionapp function keys list|set --resource-group G --name A --function-name F (--query K --output tsv | --key-name K --output none)
            [ -f "$dir/functions" ] && grep -qx "${10}" "$dir/functions" || { echo "ERROR: function ${10} not found" >&2; exit 3; }
            mkdir -p "$dir/keys"
            case "$4" in
              list) if [ -f "$dir/keys/${10}.${12}" ]; then cat "$dir/keys/${10}.${12}"; fi ;;
              set) printf 'made-%s-%s-%s' "${10}" "${12}" "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" > "$dir/keys/${10}.${12}" ;;
              *) echo "fake az: function keys $4 is not supported" >&2; exit 2 ;;
            esac ;;
          *) echo "fake az: $* is not supported" >&2; exit 2 ;;
        esac

        """;

    private readonly TemporaryDirectory _directory = new();

    public FakeAz()
    {
        var az = Path.Combine(Directory, "az");
        File.WriteAllText(az, Script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The folder holding <c>az</c> and its state.</summary>
    public string Directory => _directory.Path;

    /// <summary>Every command line az was called with, oldest first.</summary>
    public IReadOnlyList<string> Calls => File.Exists(State("calls")) ? File.ReadAllLines(State("calls")) : [];

    /// <summary>The registration's app roles as the last update set them.</summary>
    public JsonArray Roles => JsonNode.Parse(File.Exists(State("roles")) ? File.ReadAllText(State("roles")) : "[]")!.AsArray();

    /// <summary>The registration's redirect URIs.</summary>
    public IReadOnlyList<string> RedirectUris => File.Exists(State("uris")) ? File.ReadAllLines(State("uris")) : [];

    public bool IssuesIdTokens => File.Exists(State("idtokens")) && File.ReadAllText(State("idtokens")).Trim() == "true";

    public bool HasServicePrincipal => File.Exists(State("sp"));

    /// <summary>The deployed app has these functions (function keys exist only for deployed functions).</summary>
    public void Deployed(params string[] functions) => File.WriteAllLines(State("functions"), functions);

    /// <summary>A function key as it is now, or null when the function has no key of that name.</summary>
    public string? FunctionKey(string function, string name) =>
        File.Exists(State(Path.Combine("keys", $"{function}.{name}"))) ? File.ReadAllText(State(Path.Combine("keys", $"{function}.{name}"))) : null;

    /// <summary>A key someone made before (a caller holds it).</summary>
    public void ExistingFunctionKey(string function, string name, string value)
    {
        System.IO.Directory.CreateDirectory(State("keys"));
        File.WriteAllText(State(Path.Combine("keys", $"{function}.{name}")), value);
    }

    /// <summary>A tenant that already has a registration, made by someone else, with roles and redirect URIs of its own.</summary>
    public void Existing(string appId, string name, string rolesJson, params string[] redirectUris)
    {
        File.WriteAllText(State("app"), appId);
        File.WriteAllText(State("name"), name);
        File.WriteAllText(State("roles"), rolesJson);
        File.WriteAllLines(State("uris"), redirectUris);
    }

    public void Dispose() => _directory.Dispose();

    private string State(string name) => Path.Combine(Directory, name);
}
