using System.Reflection;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.Pages;

/// <summary>
/// <c>GET /api/ui/{path}</c>: the browser pages (the recruiter's workspace, the candidate's pick-a-time page),
/// static files built into the app from <c>Pages/wwwroot</c>. They hold no data of their own: each fetches the JSON
/// API, which decides who may see what. In Azure, App Service Authentication signs recruiters in before these
/// pages load; the candidate's page is left open there, since its link is its key.
/// </summary>
public sealed class PagesFunction
{
    private const string ResourcePrefix = "ui/";

    private static readonly Assembly Files = typeof(PagesFunction).Assembly;

    private static readonly HashSet<string> Known = [.. Files.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..])];

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json",
        [".ico"] = "image/x-icon",
    };

    /// <summary>The page names the app serves (for tests and the start-up message).</summary>
    public static IReadOnlyCollection<string> Names => Known;

    [Function("Pages")]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui/{*path}")] HttpRequest request,
        string? path,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The pages link their files relatively, so the workspace's root needs its slash.
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/')) return new RedirectResult(request.Path.Value + "/" + request.QueryString, permanent: false);
        var name = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
        // Only names built in are served: nothing from the request reaches the file system.
        if (!Known.Contains(name) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType)) return Problems.Status(StatusCodes.Status404NotFound, "No such page.");

        await using var stream = Files.GetManifestResourceStream(ResourcePrefix + name)!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        var headers = request.HttpContext.Response.Headers;
        // The pages load only their own scripts and styles and talk only to this app.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        return new FileContentResult(copy.ToArray(), contentType);
    }
}
