using System.Reflection;
using InterviewScheduler.DevHost.Azurite;
using InterviewScheduler.DevHost.Catalog;
using InterviewScheduler.DevHost.Http;
using InterviewScheduler.DevHost.Queues;
using InterviewScheduler.DevHost.SignIn;
using InterviewScheduler.DevHost.Timers;
using InterviewScheduler.Functions.Configuration;
using InterviewScheduler.Functions.Health;
using InterviewScheduler.Storage.Connection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InterviewScheduler.DevHost;

/// <summary>
/// Builds the DevHost: the Functions app's composition and function classes on Kestrel, with queue and timer
/// triggers run in-process, Azurite and the sandbox tenant as defaults. Not a production host.
/// </summary>
public static class DevHostApplication
{
    /// <summary>The defaults that make a fresh clone run with no configuration; anything configured wins.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["urls"] = "http://localhost:7071",
        [StorageAccount.SettingName] = "UseDevelopmentStorage=true",
        ["Graph:BaseUrl"] = "http://localhost:7072/v1.0",
        ["Graph:Auth"] = "None",
        ["Mail:SenderMailbox"] = "recruiting@contoso.com",
        ["Scheduling:OrganizerMailbox"] = "interviews@contoso.com",
        ["Debrief:RecruiterMailbox"] = "talent.recruiter@contoso.com",
        ["Debrief:ReconcileSchedule"] = "0 */15 * * * *",
        ["Notifications:PublicUrl"] = "http://localhost:7071/api/notifications/calendar",
        ["Notifications:ClientState"] = "devhost-sandbox-client-state",
        // The sandbox's only: a real deployment sets its own secret (see the README's Configuration).
        ["SelfScheduling:SigningKey"] = "devhost-sandbox-self-scheduling-signing-key",
        ["DevHost:Sandbox"] = "true",
        ["DevHost:SandboxUrls"] = "http://localhost:7072",
    };

    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Graph:BaseUrl=...</c>, ...).</param>
    /// <param name="setup">Changes for tests; none for a normal run.</param>
    public static WebApplication Create(string[] args, DevHostSetup? setup = null)
    {
        setup ??= new DevHostSetup();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // Lowest precedence: appsettings, environment variables and arguments all override these.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Defaults });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        setup.Configure?.Invoke(builder);

        var host = setup.Host ?? HostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json")).WithOverrides(builder.Configuration);
        var catalog = FunctionCatalog.Discover(setup.FunctionAssemblies ?? [typeof(HealthFunction).Assembly], builder.Configuration);

        // Local services first: hosted services start in order, and the triggers need storage and Graph up.
        builder.Services.AddSingleton<LocalAzurite>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalAzurite>());
        builder.Services.AddSingleton<LocalSandbox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalSandbox>());

        builder.Services.AddInterviewScheduler(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(catalog);
        foreach (var function in catalog.Queue)
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function));
        }

        foreach (var function in catalog.Timer)
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(sp, function));
        }

        var app = builder.Build();
        // As App Service Authentication in Azure: a signed-in person reaches the functions as X-MS-CLIENT-PRINCIPAL.
        app.Use(ClientPrincipalForwarding.InvokeAsync);
        app.MapDevSignIn();
        app.MapHttpTriggers(catalog, host);
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app, catalog, host));
        return app;
    }

    private static void PrintAddresses(WebApplication app, FunctionCatalog catalog, HostSettings host)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"InterviewScheduler DevHost listening on {address}");
            foreach (var function in catalog.Http)
            {
                Console.WriteLine($"  {string.Join(',', function.Methods).ToUpperInvariant(),-10} {address}/{host.RoutePrefix}/{function.Route}  ({function.Name})");
            }
        }

        if (addresses.FirstOrDefault() is { } first)
        {
            Console.WriteLine($"Recruiter workspace: {first}{DevSignInEndpoints.WorkspacePath} (sign in first: {first}{DevSignInEndpoints.LoginPath})");
        }

        foreach (var function in catalog.Queue) Console.WriteLine($"  queue      {function.QueueName}  ({function.Name})");
        foreach (var function in catalog.Timer) Console.WriteLine($"  timer      {function.Schedule}  ({function.Name})");
        if (app.Services.GetRequiredService<LocalSandbox>().RootUrl is { } sandbox)
        {
            Console.WriteLine($"Sandbox tenant: {sandbox} (mailboxes and calendars), Graph API at {sandbox}v1.0");
        }
    }
}

/// <summary>What a test may change in the DevHost it starts.</summary>
public sealed record DevHostSetup
{
    /// <summary>Where to find functions; the Functions app when null.</summary>
    public IReadOnlyList<Assembly>? FunctionAssemblies { get; init; }

    /// <summary>host.json settings to use instead of the file's.</summary>
    public HostSettings? Host { get; init; }

    /// <summary>Last changes before the app is built, e.g. configuration overrides.</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}
