namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// A stand-in for the Azure Developer CLI's environment commands (<c>azd env set</c>, <c>azd env get-values</c>),
/// keeping one azd environment's values in a dotenv file and recording every call. <see cref="RunHookAsync"/> runs a
/// hook as azd does: with the environment's values as environment variables and this <c>azd</c> first on PATH.
/// </summary>
internal sealed class FakeAzd : IDisposable
{
    private const string Script = """
        #!/bin/sh
        set -eu
        dir="$(dirname "$0")"
        echo "$*" >> "$dir/calls"
        touch "$dir/.env"
        case "${1:-} ${2:-}" in
          "env set")
            grep -v "^$3=" "$dir/.env" > "$dir/.env.new" || true
            printf '%s="%s"\n' "$3" "$4" >> "$dir/.env.new"
            mv "$dir/.env.new" "$dir/.env"
            ;;
          "env get-values")
            cat "$dir/.env"
            ;;
          *)
            echo "fake azd: $* is not supported" >&2
            exit 2
            ;;
        esac

        """;

    private readonly TemporaryDirectory _directory = new();

    public FakeAzd(IReadOnlyDictionary<string, string> values)
    {
        var azd = Path.Combine(_directory.Path, "azd");
        File.WriteAllText(azd, Script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllLines(EnvFile, values.Select(v => $"{v.Key}=\"{v.Value}\""));
    }

    /// <summary>The environment's values now, as <c>azd env get-values</c> prints them.</summary>
    public IReadOnlyDictionary<string, string> Values =>
        File.ReadAllLines(EnvFile).Select(line => line.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.Ordinal);

    /// <summary>Every command line azd was called with, oldest first.</summary>
    public IReadOnlyList<string> Calls => File.Exists(CallsFile) ? File.ReadAllLines(CallsFile) : [];

    private string EnvFile => Path.Combine(_directory.Path, ".env");

    private string CallsFile => Path.Combine(_directory.Path, "calls");

    /// <summary>
    /// Runs a hook script with <c>sh</c>. <paramref name="injectValues"/> false runs it as a person would by hand,
    /// without the environment's values in its environment (it can still ask <c>azd</c>). <paramref name="tools"/> is
    /// a folder of other stand-ins (a fake <c>az</c>) put on PATH too.
    /// </summary>
    public Task<CliResult> RunHookAsync(string script, bool injectValues = true, string? tools = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = (tools is null ? "" : tools + Path.PathSeparator) + _directory.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        foreach (var (name, value) in Values)
        {
            environment[name] = injectValues ? value : null;
        }

        // Nothing from the machine running the tests may stand in for the environment's values.
        environment.TryAdd("NOTIFICATION_CLIENT_STATE", null);
        environment.TryAdd("NOTIFICATION_CLIENT_STATE_URI", null);
        environment.TryAdd("SELF_SCHEDULING_SIGNING_KEY", null);
        environment.TryAdd("SELF_SCHEDULING_SIGNING_KEY_URI", null);
        environment.TryAdd("AZURE_RESOURCE_GROUP", null);
        environment.TryAdd("AZURE_FUNCTION_APP_NAME", null);
        environment.TryAdd("AUTH_CLIENT_ID", null);
        environment.TryAdd("AUTH_APP_DISPLAY_NAME", null);
        environment.TryAdd("REGISTER_RECRUITER_SIGN_IN", null);
        environment.TryAdd("SERVICE_FUNCTIONS_ENDPOINT", null);
        return Shell.RunAsync("sh", [script], environment);
    }

    public void Dispose() => _directory.Dispose();
}
