using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

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
        try
        {
            return (JsonSerializer.Deserialize<T>(body, Options), null);
        }
        catch (JsonException exception)
        {
            var path = FieldPath(exception.Path);
            return (default, Problems.Validation(new Dictionary<string, string[]> { [path] = ["Malformed JSON: " + FirstSentence(exception.Message)] }, "The body is not valid JSON."));
        }
    }

    private static ObjectResult TooLarge(int maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large.", $"At most {maxBytes / 1024} KiB.");

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>$.candidate.email</c> becomes <c>candidate.email</c>; the root is <c>body</c>.</summary>
    private static string FieldPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.') + ".";
}
