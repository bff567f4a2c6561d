using InterviewScheduler.Sandbox.Batching;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Control;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Page;
using InterviewScheduler.Sandbox.Requests;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Subscriptions;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Sandbox;

/// <summary>
/// A running sandbox tenant: a Kestrel server answering Microsoft Graph v1.0 requests under
/// <see cref="GraphBaseUrl"/>, with the HTML overview at <see cref="RootUrl"/> and the control API under
/// <c>/sandbox/</c>. Dispose to stop it.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _loopback;

    private SandboxServer(WebApplication app, HttpClient loopback, SandboxTenant tenant, Uri rootUrl)
    {
        _app = app;
        _loopback = loopback;
        Tenant = tenant;
        RootUrl = rootUrl;
        GraphBaseUrl = new Uri(rootUrl, "v1.0");
    }

    /// <summary>Where the server listens, with a trailing slash, for example <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri RootUrl { get; }

    /// <summary>The Graph endpoint to give the SDK: <see cref="RootUrl"/> + <c>v1.0</c>.</summary>
    public Uri GraphBaseUrl { get; }

    /// <summary>The tenant's in-memory state, for tests working in-process.</summary>
    public SandboxTenant Tenant { get; }

    /// <summary>Seeds a tenant (unless <see cref="SandboxOptions.SeedCompany"/> is false) and starts listening.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = new SandboxTenant(options.Seed, options.TimeProvider);
        if (options.SeedCompany)
        {
            var firstDay = options.SeedDate ?? DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().UtcDateTime);
            SandboxCompany.Seed(tenant, options.Seed, firstDay);
        }

        // An empty builder: the sandbox must not pick up the host's appsettings, environment or URLs.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(options.Urls);
        builder.Services.AddRouting();
        builder.Logging.ClearProviders();

        var app = builder.Build();
        var loopback = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(100) };
        Uri? graphBase = null;

        GraphPipeline.Use(app, tenant);
        var users = app.MapGroup("/v1.0/users");
        UserRoutes.Map(users, tenant);
        ScheduleRoutes.Map(users, tenant);
        DeltaRoutes.Map(users, tenant);
        EventRoutes.Map(users, tenant);
        MailRoutes.Map(users, tenant);
        SubscriptionRoutes.Map(app, tenant);
        BatchRoutes.Map(app, loopback, () => graphBase!);
        ControlRoutes.Map(app, tenant);
        NotificationControlRoutes.Map(app, tenant);
        TenantPage.Map(app, tenant);
        app.MapFallback(http => GraphResults.Error(StatusCodes(http), "BadRequest", $"Resource not found for the segment '{http.Request.Path}'.").ExecuteAsync(http));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            loopback.Dispose();
            await app.DisposeAsync();
            await tenant.StopNotificationsAsync();
            throw;
        }

        var root = new Uri(app.Urls.First().Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        graphBase = new Uri(root, "v1.0");
        return new SandboxServer(app, loopback, tenant, root);
    }

    private static int StatusCodes(Microsoft.AspNetCore.Http.HttpContext http) =>
        http.Request.Path.StartsWithSegments("/v1.0") ? Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest : Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;

    /// <summary>Stops listening and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Tenant.StopNotificationsAsync();
        _loopback.Dispose();
    }
}
