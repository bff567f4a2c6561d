using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InterviewScheduler.Sandbox.Requests;

/// <summary>
/// What every Graph request goes through before its handler: OData key syntax turned into path segments
/// (<c>mailFolders('SentItems')</c> → <c>mailFolders/SentItems</c>), the request log, and the fault rules.
/// </summary>
internal static partial class GraphPipeline
{
    /// <summary>Marks a request the <c>$batch</c> handler sends for one of its steps.</summary>
    public const string BatchStepHeader = "X-Sandbox-Batch-Step";

    public static void Use(WebApplication app, SandboxTenant tenant)
    {
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
            {
                // A sandbox bug should read like Graph's generalException, with the cause for whoever debugs it.
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                http.Response.ContentType = GraphResults.JsonContentType;
                // The innermost frame names where the sandbox failed, for whoever reads a test's failure message.
                var at = e.StackTrace?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                await http.Response.WriteAsync(GraphResults.ErrorBody("generalException", $"{e.GetType().Name}: {e.Message} ({at})").ToJsonString());
            }
        });

        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value ?? string.Empty;
            if (path.Contains('(', StringComparison.Ordinal)) http.Request.Path = KeySyntax().Replace(path, "/$1");
            await next(http);
        });

        // Routing runs after the rewrite, so the rewritten path is the one matched.
        app.UseRouting();

        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value ?? string.Empty;
            if (!path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase))
            {
                await next(http);
                return;
            }

            var arrived = tenant.TimeProvider.GetUtcNow();
            var clock = Stopwatch.StartNew();
            // Buffer the body so its size is known and the handler can still read it.
            var buffered = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffered, http.RequestAborted);
            buffered.Position = 0;
            var bodyBytes = buffered.Length;
            http.Request.Body = buffered;

            // Logged as the response starts, not after it: a client may read the whole answer (and look at the
            // log) before this middleware returns.
            http.Response.OnStarting(() =>
            {
                tenant.LogRequest(new RequestLogEntry(
                    arrived,
                    http.Request.Method,
                    path,
                    http.Request.QueryString.Value ?? string.Empty,
                    http.Response.StatusCode,
                    bodyBytes,
                    clock.Elapsed,
                    http.Request.Headers.ContainsKey(BatchStepHeader)));
                return Task.CompletedTask;
            });

            var (delay, failure) = tenant.DrawFault(http.Request.Method, path["/v1.0".Length..]);
            if (failure is { Kind: FaultKind.Throttle or FaultKind.Unavailable })
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted);
                await Fail(http, failure);
                return;
            }

            // Outlook's concurrency limit: at most N requests open against one mailbox (throttling-limits.md).
            var mailbox = MailboxOf(tenant, path);
            if (mailbox is not null && tenant.EnterMailbox(mailbox) is { } limit)
            {
                await GraphResults.Throttled(limit.Code, limit.Message, limit.RetryAfter).ExecuteAsync(http);
                return;
            }

            try
            {
                // Latency is time the service spends on the request, so it holds the mailbox's slot.
                if (delay > TimeSpan.Zero) await Task.Delay(delay, http.RequestAborted);
                if (failure is null) await next(http);
                else await TakeEffectThenFail(http, next, failure);
            }
            finally
            {
                if (mailbox is not null) tenant.LeaveMailbox(mailbox);
            }
        });
    }

    /// <summary>Runs the request to its end, then throws its answer away: a 5xx, or a dropped connection after a wait.</summary>
    private static async Task TakeEffectThenFail(HttpContext http, RequestDelegate next, FaultRule rule)
    {
        var real = http.Response.Body;
        http.Response.Body = new MemoryStream();
        await next(http);
        http.Response.Body = real;
        if (rule.Kind == FaultKind.AmbiguousTimeout)
        {
            await Task.Delay(rule.LatencyMilliseconds, http.RequestAborted);
            http.Abort();
            return;
        }

        http.Response.Headers.Clear();
        http.Response.StatusCode = rule.AmbiguousStatus;
        http.Response.ContentType = GraphResults.JsonContentType;
        await http.Response.WriteAsync(GraphResults.ErrorBody("UnknownError", "The operation's outcome is unknown: the service did not answer in time.").ToJsonString(), http.RequestAborted);
    }

    /// <summary>The mailbox a request works on (<c>/v1.0/users/{id}/messages…</c>, <c>…/events…</c>, …), or null.</summary>
    private static string? MailboxOf(SandboxTenant tenant, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 4 || !segments[1].Equals("users", StringComparison.OrdinalIgnoreCase)) return null;
        if (segments[3].ToLowerInvariant() is not ("messages" or "mailfolders" or "sendmail" or "events" or "calendar" or "calendars" or "calendarview" or "mailboxsettings")) return null;
        return tenant.FindUser(Uri.UnescapeDataString(segments[2]))?.Address;
    }

    private static async Task Fail(HttpContext http, FaultRule rule)
    {
        var (status, body) = rule.Kind == FaultKind.Throttle
            ? (StatusCodes.Status429TooManyRequests, GraphResults.ErrorBody("TooManyRequests", "Too many requests. Please retry after the time given in the Retry-After header."))
            : (StatusCodes.Status503ServiceUnavailable, GraphResults.ErrorBody("ServiceNotAvailable", "The service is temporarily unavailable. Please retry later."));
        http.Response.StatusCode = status;
        if (rule.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = GraphResults.JsonContentType;
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    // users('a@b.com') and mailFolders('SentItems') address an entity by key; routes use plain segments.
    [GeneratedRegex("\\('([^']*)'\\)", RegexOptions.CultureInvariant)]
    private static partial Regex KeySyntax();
}
