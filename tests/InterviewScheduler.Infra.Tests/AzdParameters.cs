using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// The parameter values <c>azd provision</c> passes to a Bicep template: each value in main.parameters.json with
/// <c>${NAME}</c> replaced by the azd environment's value (empty when unset) and <c>${NAME=default}</c> by the value or
/// else the default, then read as the parameter's type; a parameter the file does not name keeps its default.
/// </summary>
internal static partial class AzdParameters
{
    public static Dictionary<string, JsonNode?> Resolve(JsonObject armTemplate, string parametersFile, IReadOnlyDictionary<string, string> environment)
    {
        var mapped = JsonNode.Parse(parametersFile)!["parameters"]!.AsObject();
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, definition) in armTemplate["parameters"]!.AsObject())
        {
            if (mapped[name]?["value"] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                values[name] = Typed(name, (string)definition!["type"]!, Substitute(text, environment));
                continue;
            }

            var fallback = definition!["defaultValue"];
            Assert.True(fallback is not null, $"parameter {name} has no default and main.parameters.json does not map it: azd would prompt for it");
            Assert.False(fallback is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('[') && s.EndsWith(']'),
                $"parameter {name}: expression defaults are not evaluated by the tests");
            values[name] = fallback.DeepClone();
        }

        return values;
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> environment) =>
        Reference().Replace(text, match => environment.TryGetValue(match.Groups["name"].Value, out var value)
            ? value
            : match.Groups["default"].Success ? match.Groups["default"].Value : "");

    private static JsonValue Typed(string name, string type, string text) => type.ToLowerInvariant() switch
    {
        "string" or "securestring" => JsonValue.Create(text),
        "int" => JsonValue.Create(long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        "bool" => JsonValue.Create(bool.Parse(text)),
        _ => throw new NotSupportedException($"parameter {name}: azd parameters of type {type} are not read by the tests"),
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:=(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
