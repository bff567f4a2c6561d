using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary>Responses in Graph's shapes: JSON with OData metadata, and <c>{"error":{"code","message"}}</c> errors.</summary>
internal static class GraphResults
{
    public const string JsonContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), JsonContentType, Encoding.UTF8, status);

    public static IResult Collection(HttpContext http, string context, IEnumerable<JsonNode> items, string? nextLink = null)
    {
        var body = new JsonObject
        {
            ["@odata.context"] = Context(http, context),
            ["value"] = new JsonArray([.. items]),
        };
        if (nextLink is not null) body["@odata.nextLink"] = nextLink;
        return Json(body);
    }

    /// <summary>The <c>@odata.context</c> URL Graph puts on a response, for example <c>…/v1.0/$metadata#users('x')/events</c>.</summary>
    public static string Context(HttpContext http, string fragment) =>
        $"{http.Request.Scheme}://{http.Request.Host}/v1.0/$metadata#{fragment}";

    public static IResult Error(int status, string code, string message) => Json(ErrorBody(code, message), status);

    public static JsonObject ErrorBody(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["request-id"] = Guid.NewGuid().ToString(),
            },
        },
    };

    public static IResult BadRequest(string message, string code = "ErrorInvalidRequest") => Error(StatusCodes.Status400BadRequest, code, message);

    /// <summary>Exchange's answer for a mailbox that does not exist in the tenant.</summary>
    public static IResult UnknownMailbox(string id) =>
        Error(StatusCodes.Status404NotFound, "ErrorInvalidUser", $"The requested user '{id}' is invalid.");

    /// <summary>Entra's answer for a directory object that does not exist.</summary>
    public static IResult UnknownDirectoryObject(string id) =>
        Error(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    /// <summary>429 Too Many Requests with <c>Retry-After</c> in whole seconds, as Graph throttles (concepts/throttling.md).</summary>
    public static IResult Throttled(string code, string message, TimeSpan retryAfter) => new ThrottledResult(code, message, retryAfter);

    public static IResult ItemNotFound() =>
        Error(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    private sealed class ThrottledResult(string code, string message, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status429TooManyRequests, code, message).ExecuteAsync(httpContext);
        }
    }
}
