using System.Globalization;
using System.Text.Json.Nodes;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// What infra/main.bicep would deploy with its example parameter values (the fixture), or with the parameters
/// <c>azd provision</c> passes for an azd environment (<see cref="ProvisionAsync"/>), predicted offline by
/// <c>bicep snapshot</c>: every resource with its properties, expressions evaluated. Values Azure assigns only at
/// deployment (identity client ids, the app's host name, the Application Insights connection string) are replaced by
/// the stand-ins in <see cref="RuntimeProperties"/>.
/// </summary>
public sealed class TemplateDeployment : IAsyncLifetime, IAsyncDisposable
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000000a";
    public const string TenantId = "00000000-0000-0000-0000-00000000000b";
    public const string IdentityClientId = "00000000-0000-0000-0000-0000000000c1";
    public const string IdentityPrincipalId = "00000000-0000-0000-0000-0000000000c2";

    private readonly TemporaryDirectory _directory = new();
    private readonly IReadOnlyDictionary<string, string>? _azdEnvironment;
    private ArmContext? _context;

    /// <summary>The deployment with each parameter's example value (else its default).</summary>
    public TemplateDeployment()
    {
    }

    private TemplateDeployment(IReadOnlyDictionary<string, string> azdEnvironment) => _azdEnvironment = azdEnvironment;

    /// <summary>The ARM template main.bicep compiles to.</summary>
    public JsonObject ArmTemplate { get; private set; } = [];

    /// <summary>Each parameter's value: the example in its metadata, else its default; or what azd passes.</summary>
    public IReadOnlyDictionary<string, JsonNode?> ParameterValues { get; private set; } = new Dictionary<string, JsonNode?>();

    /// <summary>Every resource the deployment would create, modules expanded.</summary>
    public IReadOnlyList<JsonObject> Resources { get; private set; } = [];

    /// <summary>The deployment's outputs (azd stores them in the environment), evaluated.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; private set; } = new Dictionary<string, string>();

    /// <summary>The secrets written to the deployment's Key Vault, by secret name, with their values.</summary>
    public IReadOnlyDictionary<string, string> VaultSecrets { get; private set; } = new Dictionary<string, string>();

    /// <summary>The Function App's application settings, evaluated, by name (environment-variable form, with <c>__</c>).</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// What <c>azd provision</c> would deploy for an azd environment: infra/main.parameters.json with the environment's
    /// values substituted (<see cref="AzdParameters"/>). An expression that fails the deployment (<c>fail()</c>) throws
    /// <see cref="InvalidOperationException"/>. Dispose the result.
    /// </summary>
    public static async Task<TemplateDeployment> ProvisionAsync(IReadOnlyDictionary<string, string> azdEnvironment)
    {
        var deployment = new TemplateDeployment(azdEnvironment);
        try
        {
            await deployment.InitializeAsync();
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        var armTemplatePath = Path.Combine(_directory.Path, "main.json");
        var build = await BicepCli.RunAsync(BicepCli.InfraDirectory, "build", BicepCli.MainTemplate, "--outfile", armTemplatePath);
        Assert.True(build.ExitCode == 0, build.ToString());
        ArmTemplate = JsonNode.Parse(await File.ReadAllTextAsync(armTemplatePath))!.AsObject();
        ParameterValues = _azdEnvironment is null
            ? ExampleParameterValues(ArmTemplate)
            : AzdParameters.Resolve(ArmTemplate, await File.ReadAllTextAsync(BicepCli.MainParameters), _azdEnvironment);

        // A .bicepparam file must name its template by a relative path. bicep snapshot leaves every value derived from a
        // @secure() parameter unevaluated (and the module parameters next to it), so the prediction runs on a copy of
        // the templates without that decorator: the same resources and values, only not masked.
        var predictedTemplate = CopyWithoutSecureDecorators(BicepCli.InfraDirectory, Path.Combine(_directory.Path, "infra"));
        var parametersPath = Path.Combine(_directory.Path, "example.bicepparam");
        var lines = new List<string> { $"using '{Path.GetRelativePath(_directory.Path, predictedTemplate).Replace('\\', '/')}'" };
        lines.AddRange(ParameterValues.Select(p => $"param {p.Key} = {BicepLiteral(p.Value)}"));
        await File.WriteAllLinesAsync(parametersPath, lines);

        var snapshot = await BicepCli.RunAsync(_directory.Path, "snapshot", parametersPath,
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Text(ParameterValues["location"]),
            "--deployment-name", "interview-scheduler-test");
        // A fail() the templates reach (a required value missing) stops the prediction, as it would stop the deployment.
        const string Refused = "Template snapshotting could not be completed";
        var printed = snapshot.StandardOutput + snapshot.StandardError;
        if (snapshot.ExitCode != 0 && printed.Contains(Refused, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The deployment fails: {printed[printed.IndexOf(Refused, StringComparison.Ordinal)..].Trim()}");
        }

        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        var predicted = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(parametersPath, ".snapshot.json")))!;
        Resources = predicted["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();

        _context = new ArmContext(ParameterValues, RuntimeProperties, CloudEnvironment());
        AppSettings = ReadAppSettings();
        VaultSecrets = OfType("Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(secret => ((string)secret["name"]!).Split('/')[^1], secret => Evaluate(secret["properties"]!["value"]), StringComparer.Ordinal);
        Outputs = predicted["outputs"]!.AsObject().ToDictionary(o => o.Key, o => Evaluate(o.Value), StringComparer.Ordinal);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Every predicted resource of one type.</summary>
    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one predicted resource of a type.</summary>
    public JsonObject TheOne(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>A template value with any remaining expression evaluated.</summary>
    public string Evaluate(JsonNode? value) => Text(value is JsonValue v && v.TryGetValue<string>(out var s) ? ArmExpression.Evaluate(s, _context!) : value);

    private Dictionary<string, string> ReadAppSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        // Flex Consumption takes them from siteConfig.appSettings or from a sites/config 'appsettings' resource.
        foreach (var site in OfType("Microsoft.Web/sites"))
        {
            foreach (var setting in site["properties"]?["siteConfig"]?["appSettings"]?.AsArray() ?? [])
            {
                settings[(string)setting!["name"]!] = Evaluate(setting["value"]);
            }
        }

        foreach (var config in OfType("Microsoft.Web/sites/config").Where(c => ((string)c["name"]!).EndsWith("/appsettings", StringComparison.Ordinal)))
        {
            foreach (var (name, value) in config["properties"]!.AsObject())
            {
                settings[name] = Evaluate(value);
            }
        }

        return settings;
    }

    /// <summary>Copies the .bicep files of <paramref name="source"/> without their <c>@secure()</c> lines; returns the copy of main.bicep.</summary>
    private static string CopyWithoutSecureDecorators(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*.bicep", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllLines(copy, File.ReadAllLines(file).Where(line => line.Trim() != "@secure()"));
        }

        return Path.Combine(target, Path.GetRelativePath(source, BicepCli.MainTemplate));
    }

    private static Dictionary<string, JsonNode?> ExampleParameterValues(JsonObject armTemplate)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, definition) in armTemplate["parameters"]!.AsObject())
        {
            // An example wins over a default: a default may be an expression (newGuid()) the tests do not evaluate.
            var value = definition!["metadata"]?["example"] ?? definition["defaultValue"];
            Assert.True(value is not null, $"parameter {name} needs a default or an example (@metadata({{ example: ... }})) so that it can be tested");
            Assert.False(value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('[') && s.EndsWith(']'),
                $"parameter {name}: expression defaults are not evaluated by the tests");
            values[name] = value.DeepClone();
        }

        return values;
    }

    /// <summary>Stand-ins for the properties Azure assigns when it creates a resource.</summary>
    private static JsonObject RuntimeProperties(string resourceId)
    {
        var segments = resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var providers = Array.FindLastIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        var type = $"{segments[providers + 1]}/{segments[providers + 2]}";
        var name = segments[providers + 3];
        return type.ToLowerInvariant() switch
        {
            "microsoft.managedidentity/userassignedidentities" => new JsonObject
            {
                ["clientId"] = IdentityClientId,
                ["principalId"] = IdentityPrincipalId,
                ["tenantId"] = TenantId,
            },
            "microsoft.insights/components" => new JsonObject
            {
                ["ConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-0000000000d1;" +
                    "IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/;ApplicationId=00000000-0000-0000-0000-0000000000d2",
            },
            "microsoft.web/sites" => new JsonObject { ["defaultHostName"] = $"{name}.azurewebsites.net" },
            _ => throw new NotSupportedException($"no stand-in runtime properties for {type}; add them to TemplateDeployment.RuntimeProperties"),
        };
    }

    /// <summary>The part of <c>environment()</c> for the public Azure cloud the templates use.</summary>
    private static JsonObject CloudEnvironment() => new()
    {
        ["name"] = "AzureCloud",
        ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net", ["keyvaultDns"] = ".vault.azure.net" },
        ["authentication"] = new JsonObject { ["loginEndpoint"] = "https://login.microsoftonline.com/" },
    };

    private static string BicepLiteral(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "\\'", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal) + "'",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"no Bicep literal for {value?.ToJsonString()}"),
    };

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}

[CollectionDefinition(Name)]
public sealed class TemplateDeploymentFixture : ICollectionFixture<TemplateDeployment>
{
    public const string Name = "template deployment";
}
