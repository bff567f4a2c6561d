using System.Text;
using CsCheck;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>A request body that a JSON route must refuse, with its content type and a label for failure messages.</summary>
internal sealed record BadBody(string What, byte[] Body, string? ContentType = "application/json")
{
    public override string ToString() => $"{What} [{ContentType ?? "no Content-Type"}]: {BadJson.Preview(Body)}";
}

/// <summary>A field of a route's body, and what is wrong for it.</summary>
/// <param name="Path">Its path in the valid body, e.g. <c>sessions[0].interviewers[0].email</c>.</param>
/// <param name="Wrong">Values it must refuse.</param>
/// <param name="Required">Whether leaving it out is wrong too.</param>
internal sealed record BodyField(string Path, Gen<BadValue> Wrong, bool Required);

/// <summary>Generators of whole bad bodies around one valid body of a route.</summary>
internal static class BadBodies
{
    /// <summary>Not JSON at all: empty, cut short, with something after it, JSON5 habits, bytes that are not UTF-8.</summary>
    public static Gen<BadBody> Malformed(string valid) => Gen.OneOf(
        Gen.OneOf("", " ", "\n", "\t\r\n ").Select(text => new BadBody("empty", Encoding.UTF8.GetBytes(text))),
        Gen.Int[1, valid.Length - 1].Select(length => new BadBody("cut short", Encoding.UTF8.GetBytes(valid[..length]))),
        Gen.OneOf("x", "}", ",", "{}", "\u0000", " garbage", "]").Select(tail => new BadBody("something after the JSON", Encoding.UTF8.GetBytes(valid + tail))),
        Gen.OneOf(
            ("single quotes", valid.Replace('"', '\'')),
            ("a comment", "/* note */" + valid),
            ("a trailing comma", valid[..^1] + ",}"),
            ("unquoted names", valid.Replace("\"", "", StringComparison.Ordinal)),
            ("two documents", valid + valid),
            ("NaN", valid[..^1] + ",\"n\":NaN}"))
            .Select(x => new BadBody(x.Item1, Encoding.UTF8.GetBytes(x.Item2))),
        Gen.Const(new BadBody("UTF-16", Encoding.Unicode.GetBytes(valid))),
        from bytes in BadValues.InvalidUtf8
        from at in Gen.Int[0, valid.Length]
        select new BadBody("bytes that are not UTF-8", [.. Encoding.UTF8.GetBytes(valid[..at]), .. bytes, .. Encoding.UTF8.GetBytes(valid[at..])]));

    /// <summary>JSON of the wrong kind at the root.</summary>
    public static readonly Gen<BadBody> WrongRoot = Gen.OneOf(
        Gen.OneOf("null", "[]", "[{}]", "\"text\"", "42", "true", "false", "{}", "{\"\":null}").Select(json => new BadBody("wrong JSON at the root", BadJson.Raw(json))),
        BadValues.DeepNesting.Select(v => new BadBody("the root " + v.What, v.Json)),
        BadValues.HugeArray.Select(v => new BadBody("the root is " + v.What, v.Json)));

    /// <summary>The valid body under a content type that is not JSON, or none.</summary>
    public static Gen<BadBody> WrongContentType(string valid) =>
        Gen.OneOf<string?>(
            null, "", "text/plain", "text/json", "text/html", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "application/jsonx", "application/json5", "json", "application/", "*/*")
        .Select(type => new BadBody("not a JSON content type", Encoding.UTF8.GetBytes(valid), type));

    /// <summary>The valid body padded past <paramref name="maxBytes"/>.</summary>
    public static Gen<BadBody> Oversized(string valid, int maxBytes) =>
        Gen.Int[1, 4096].Select(extra => new BadBody(
            $"over {maxBytes} bytes",
            Encoding.UTF8.GetBytes(valid[..^1] + ",\"pad\":\"" + new string('a', maxBytes + extra) + "\"}")));

    /// <summary>The valid body with one field wrong (or left out, when it is required).</summary>
    public static Gen<BadBody> OneFieldWrong(string valid, params BodyField[] fields) =>
        Gen.Int[0, fields.Length - 1].SelectMany(i =>
        {
            var field = fields[i];
            var wrong = field.Wrong.Select(value => new BadBody($"{field.Path}: {value.What}", BadJson.With(valid, field.Path, value.Json)));
            return field.Required
                ? Gen.Frequency((9, wrong), (1, Gen.Const(new BadBody($"{field.Path}: left out", BadJson.Without(valid, field.Path)))))
                : wrong;
        });

    /// <summary>Everything generic that is wrong with a body, and the route's own fields.</summary>
    public static Gen<BadBody> Any(string valid, int maxBytes, params BodyField[] fields) => Gen.Frequency(
        (2, Malformed(valid)),
        (1, WrongRoot),
        (1, WrongContentType(valid)),
        (1, Oversized(valid, maxBytes)),
        (6, OneFieldWrong(valid, fields)));
}
