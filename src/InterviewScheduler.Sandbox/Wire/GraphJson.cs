using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>Reading request bodies the way Graph does: property names case-insensitive (the SDK sends action bodies in PascalCase).</summary>
internal static class GraphJson
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    public static JsonNode? Parse(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text, NodeOptions);

    /// <summary>The body as a case-insensitive JSON object, or null when it is empty or not an object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            return Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A copy of a node re-parsed case-insensitively (nested objects of a parsed body already are).</summary>
    public static JsonNode? CaseInsensitive(JsonNode? node) => node is null ? null : Parse(node.ToJsonString());

    public static string? Str(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : null;

    public static bool? Bool(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v
            && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : null;

    public static int? Int(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v
            && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number)
            ? number
            : null;

    public static JsonNode? Node(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) ? value : null;

    public static bool Has(this JsonNode? node, string name) =>
        node is JsonObject obj && obj.ContainsKey(name);

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string name) =>
        node.Node(name) is JsonArray array ? array.OfType<JsonNode>() : [];
}
