using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>
/// JSON bodies with one thing wrong, built as bytes: a valid body with one value replaced by raw JSON text, so that
/// what no serializer writes (lone surrogates, invalid UTF-8, nesting past any limit) can be sent.
/// </summary>
internal static partial class BadJson
{
    private const string Marker = "@@corpus-value@@";

    /// <summary><paramref name="valid"/> with the value at <paramref name="path"/> (e.g. <c>sessions[0].title</c>) replaced by <paramref name="raw"/>.</summary>
    public static byte[] With(string valid, string path, byte[] raw)
    {
        var root = JsonNode.Parse(valid)!;
        Set(root, path, JsonValue.Create(Marker));
        var text = root.ToJsonString();
        var quoted = "\"" + Marker + "\"";
        var at = text.IndexOf(quoted, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. raw, .. Encoding.UTF8.GetBytes(text[(at + quoted.Length)..])];
    }

    /// <summary><paramref name="valid"/> without the member at <paramref name="path"/>.</summary>
    public static byte[] Without(string valid, string path)
    {
        var root = JsonNode.Parse(valid)!;
        var (parent, last) = Parent(root, path);
        if (last.Index is { } index) parent.AsArray().RemoveAt(index);
        else parent.AsObject().Remove(last.Name);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A JSON string literal whose every character outside printable ASCII is a <c>\uXXXX</c> escape (lone surrogates too).</summary>
    public static byte[] String(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\') text.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~') text.Append(c);
            else text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetBytes(text.Append('"').ToString());
    }

    public static byte[] Raw(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The body for a failure message: non-ASCII and controls as escapes, long runs cut.</summary>
    public static string Preview(byte[] body)
    {
        var text = new StringBuilder();
        foreach (var c in Encoding.UTF8.GetString(body))
        {
            if (c is >= ' ' and <= '~') text.Append(c);
            else text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        var shown = Runs().Replace(text.ToString(), m => $"{m.Value[..8]}…({m.Length} chars)");
        return shown.Length <= 600 ? shown : $"{shown[..600]}…({body.Length} bytes)";
    }

    private static void Set(JsonNode root, string path, JsonNode value)
    {
        var (parent, last) = Parent(root, path);
        if (last.Index is { } index) parent.AsArray()[index] = value;
        else parent.AsObject()[last.Name] = value;
    }

    private static (JsonNode Parent, (string Name, int? Index) Last) Parent(JsonNode root, string path)
    {
        var steps = Steps(path);
        var node = root;
        foreach (var (name, index) in steps[..^1]) node = index is { } i ? node.AsArray()[i]! : node.AsObject()[name]!;
        return (node, steps[^1]);
    }

    /// <summary><c>a.b[0].c</c> as (a), (b), ([0]), (c).</summary>
    private static List<(string Name, int? Index)> Steps(string path)
    {
        var steps = new List<(string, int?)>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add((bracket < 0 ? part : part[..bracket], null));
            if (bracket >= 0)
            {
                foreach (Match index in Indexes().Matches(part[bracket..])) steps.Add(("", int.Parse(index.Groups[1].Value, CultureInfo.InvariantCulture)));
            }
        }

        return steps;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Indexes();

    [GeneratedRegex(@"(.)\1{15,}|(?:\[|\{""a"":){12,}|(?:\]|\}){12,}|(?:[^,\[\]]{1,40},){12,}")]
    private static partial Regex Runs();
}
