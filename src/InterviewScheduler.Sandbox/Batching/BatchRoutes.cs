using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Requests;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Sandbox.Batching;

/// <summary>
/// <c>POST /v1.0/$batch</c>: JSON batching of up to 20 steps. Each step is sent back to this server over
/// loopback, so it passes the same handlers, request log and fault rules as a direct request (a throttled step
/// answers 429 with Retry-After inside the batch). Steps run in order; a step whose <c>dependsOn</c> step
/// failed answers 424, as Graph does.
/// </summary>
internal static class BatchRoutes
{
    /// <summary>Most steps Graph accepts in one batch.</summary>
    public const int MaxSteps = 20;

    public static void Map(WebApplication app, HttpClient loopback, Func<Uri> graphBaseUrl)
    {
        app.MapPost("/v1.0/$batch", async Task<IResult> (HttpContext http) =>
        {
            var body = await GraphJson.ReadObjectAsync(http.Request);
            if (body?.Node("requests") is not JsonArray requests) return GraphResults.BadRequest("Invalid batch payload format.", "BadRequest");
            if (requests.Count > MaxSteps) return GraphResults.BadRequest($"Number of batch request steps exceeds the maximum of {MaxSteps}.", "BadRequest");

            var ids = requests.Select(r => r.Str("id")).ToList();
            if (ids.Any(string.IsNullOrEmpty) || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            {
                return GraphResults.BadRequest("Each batch step needs a unique 'id'.", "BadRequest");
            }

            var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
            var responses = new JsonArray();
            foreach (var step in requests.OfType<JsonObject>())
            {
                var id = step.Str("id")!;
                var failedDependency = DependsOn(step).FirstOrDefault(d => !statuses.TryGetValue(d, out var s) || s >= 400);
                JsonObject response;
                if (failedDependency is not null)
                {
                    response = new JsonObject
                    {
                        ["id"] = id,
                        ["status"] = StatusCodes.Status424FailedDependency,
                        ["body"] = GraphResults.ErrorBody("FailedDependency", $"Request '{id}' depends on request '{failedDependency}', which failed."),
                    };
                }
                else
                {
                    response = await Send(loopback, graphBaseUrl(), step, http.RequestAborted);
                }

                statuses[id] = response["status"]!.GetValue<int>();
                responses.Add(response);
            }

            return GraphResults.Json(new JsonObject { ["responses"] = responses });
        });
    }

    private static IEnumerable<string> DependsOn(JsonObject step) =>
        step.Items("dependsOn").OfType<JsonValue>().Select(v => v.ToString());

    private static async Task<JsonObject> Send(HttpClient loopback, Uri graphBaseUrl, JsonObject step, CancellationToken cancellationToken)
    {
        var id = step.Str("id")!;
        var url = step.Str("url") ?? string.Empty;
        var method = step.Str("method") ?? "GET";
        if (!TryTarget(graphBaseUrl, url, out var target))
        {
            return new JsonObject { ["id"] = id, ["status"] = StatusCodes.Status400BadRequest, ["body"] = GraphResults.ErrorBody("BadRequest", $"Invalid request URL '{url}'.") };
        }

        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target);
        request.Headers.Add(GraphPipeline.BatchStepHeader, id);
        var headers = step.Node("headers") as JsonObject;
        if (step.Node("body") is { } stepBody)
        {
            var content = stepBody.GetValueKind() == JsonValueKind.String ? Encoding.UTF8.GetString(Convert.FromBase64String(stepBody.GetValue<string>())) : stepBody.ToJsonString();
            request.Content = new StringContent(content, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(headers.Str("content-type") ?? "application/json");
        }

        foreach (var (name, value) in headers ?? [])
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase) || value is null) continue;
            request.Headers.TryAddWithoutValidation(name, value.ToString());
        }

        using var answer = await loopback.SendAsync(request, cancellationToken);
        var responseHeaders = new JsonObject();
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (header.Key is "Date" or "Server" or "Transfer-Encoding" or "Content-Length") continue;
            responseHeaders[header.Key] = string.Join(", ", header.Value);
        }

        var result = new JsonObject { ["id"] = id, ["status"] = (int)answer.StatusCode, ["headers"] = responseHeaders };
        var text = await answer.Content.ReadAsStringAsync(cancellationToken);
        if (!string.IsNullOrEmpty(text)) result["body"] = JsonNode.Parse(text);
        return result;
    }

    /// <summary>Step URLs are relative to the version root (<c>/users/…</c>); absolute Graph URLs and a leading <c>/v1.0</c> are accepted too.</summary>
    private static bool TryTarget(Uri graphBaseUrl, string url, out Uri target)
    {
        target = graphBaseUrl;
        if (string.IsNullOrWhiteSpace(url)) return false;
        var relative = url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)) relative = absolute.PathAndQuery;
        if (relative.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase)) relative = relative[5..];
        if (!relative.StartsWith('/')) relative = "/" + relative;
        target = new Uri(graphBaseUrl.ToString().TrimEnd('/') + relative);
        return true;
    }
}
