using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// The Teams app package of the recruiter workspace (infra/teams, built by scripts/build-teams-package.sh): a manifest
/// valid against the rules of the Teams manifest schema v1.24 with a personal tab on the workspace, and the icons Teams
/// asks for.
/// </summary>
public sealed class TeamsPackageTests
{
    private const string Host = "func-interviews-abc.azurewebsites.net";
    private const string AppId = "11111111-2222-4333-8444-555555555555";
    private static readonly string Teams = Path.Combine(BicepCli.InfraDirectory, "teams");
    private static readonly string Script = Path.Combine(BicepCli.InfraDirectory, "scripts", "build-teams-package.sh");
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(Teams, "manifest.schema.json"));

    [Fact]
    public async Task The_package_holds_the_manifest_and_both_icons_at_its_root()
    {
        using var output = new TemporaryDirectory();

        var package = await BuildAsync(output.Path);

        using var zip = ZipFile.OpenRead(package);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_packaged_manifest_is_valid_and_pins_the_workspace_as_a_personal_tab()
    {
        using var output = new TemporaryDirectory();
        var manifest = await ManifestAsync(await BuildAsync(output.Path));

        var result = Validate(manifest);

        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
        Assert.Equal(AppId, (string?)manifest["id"]);
        var tab = Assert.Single(manifest["staticTabs"]!.AsArray())!;
        Assert.Equal($"https://{Host}/api/ui/", (string?)tab["contentUrl"]);
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal([Host], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
    }

    [Theory]
    [InlineData("id", "an id that is no GUID")]
    [InlineData("manifestVersion", "1.5")]
    [InlineData("accentColor", "blue")]
    [InlineData("developer", null)]
    [InlineData("unknownMember", "x")]
    public async Task The_schema_rejects_a_manifest_that_breaks_its_rules(string member, string? value)
    {
        // The same check on broken manifests: shows the validation can fail.
        using var output = new TemporaryDirectory();
        var manifest = await ManifestAsync(await BuildAsync(output.Path));
        if (value is null) manifest.Remove(member);
        else manifest[member] = value;

        Assert.False(Validate(manifest).IsValid);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Each_icon_is_a_png_of_the_size_teams_asks_for_with_transparency(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Teams, file));

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        // Colour type 6 (RGBA) or 4 (grey and alpha): the outline icon is white on transparent.
        Assert.Contains(bytes[25], new byte[] { 4, 6 });
    }

    [Fact]
    public async Task The_script_stops_without_the_apps_host()
    {
        using var output = new TemporaryDirectory();

        var result = await Shell.RunAsync("sh", [Script, Path.Combine(output.Path, "package.zip")], Environment(endpoint: null));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SERVICE_FUNCTIONS_ENDPOINT", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output.Path, "package.zip")));
    }

    private static async Task<string> BuildAsync(string directory)
    {
        var package = Path.Combine(directory, "package.zip");
        var result = await Shell.RunAsync("sh", [Script, package], Environment($"https://{Host}"));
        Assert.True(result.ExitCode == 0, result.ToString());
        return package;
    }

    private static Dictionary<string, string?> Environment(string? endpoint) => new(StringComparer.Ordinal)
    {
        ["SERVICE_FUNCTIONS_ENDPOINT"] = endpoint,
        ["TEAMS_APP_ID"] = AppId,
        ["AUTH_CLIENT_ID"] = null,
        // No azd here: nothing from the machine's own azd environment may fill in a value.
        ["PATH"] = "/usr/bin:/bin",
    };

    private static async Task<JsonObject> ManifestAsync(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        await using var stream = zip.GetEntry("manifest.json")!.Open();
        return (await JsonNode.ParseAsync(stream))!.AsObject();
    }

    private static EvaluationResults Validate(JsonObject manifest) =>
        Schema.Evaluate(JsonSerializer.SerializeToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
