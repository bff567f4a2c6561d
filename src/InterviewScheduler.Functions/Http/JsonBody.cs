using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace InterviewScheduler.Functions.Http;

/// <summary>
/// Reads a JSON request body with a size limit, keeping the raw bytes (for signatures) and turning every
/// way it can be wrong into the problem response to give.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The raw body, or the 413/415 problem to answer.</summary>
    public static async Task<(byte[]? Body, IActionResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.", "Send Content-Type: application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Read at most one byte past the limit: a body without Content-Length cannot make us buffer more.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return (null, TooLarge(maxBytes));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Deserializes <paramref name="body"/>; malformed JSON gives a 400 naming where it broke.</summary>
    public static (T? Value, IActionResult? Problem) Parse<T>(byte[] body)
    {
        // JSON is UTF-8 (RFC 8259, section 8.1); System.Text.Json would read bytes that are not as U+FFFD, or skip them in a member name it ignores.
        if (!Utf8.IsValid(body))
        {
            return (default, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["Malformed JSON: the body is not UTF-8."] }, "The body is not valid JSON."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            // A JsonElement keeps its strings unread: one with a lone surrogate escape (\ud800) would throw when a caller reads it.
            if (value is JsonElement element && UnreadableString(element, "") is { } at)
            {
                return (default, Problems.Validation(new Dictionary<string, string[]> { [at] = ["Malformed JSON: text that is not Unicode (an unpaired surrogate)."] }, "The body is not valid JSON."));
            }

            return (value, null);
        }
        catch (JsonException exception)
        {
            var path = FieldPath(exception.Path);
            return (default, Problems.Validation(new Dictionary<string, string[]> { [path] = ["Malformed JSON: " + FirstSentence(exception.Message)] }, "The body is not valid JSON."));
        }
    }

    /// <summary>The path of the first member name or string in <paramref name="element"/> that is not valid UTF-16, or null.</summary>
    private static string? UnreadableString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element.GetString) ? null : FieldPath(path);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnreadableString(item, $"{path}[{index++}]") is { } found) return found;
                }

                return null;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    string? name = null;
                    if (!Readable(() => name = member.Name)) return FieldPath(path);
                    if (UnreadableString(member.Value, path.Length == 0 ? name! : $"{path}.{name}") is { } found) return found;
                }

                return null;
            default:
                return null;
        }

        static bool Readable(Func<string?> read)
        {
            try
            {
                read();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    private static ObjectResult TooLarge(int maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"At most {maxBytes / 1024} KiB.");

    /// <summary><c>application/json</c> or a <c>+json</c> type (RFC 6839), with any parameters; not <c>application/jsonx</c> nor a type that only starts so.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Value is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>$.candidate.email</c> becomes <c>candidate.email</c>; the root is <c>body</c>.</summary>
    private static string FieldPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.') + ".";
}
