using System.Reflection;
using InterviewScheduler.DevHost;
using InterviewScheduler.DevHost.Catalog;
using InterviewScheduler.Functions.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.Testing;

/// <summary>
/// The DevHost started in-process on a free loopback port against the test Azurite, with the Functions app's
/// function classes (and any test assemblies given). Dispose stops it.
/// </summary>
public sealed class TestDevHost : IAsyncDisposable
{
    private TestDevHost(WebApplication app, Uri baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
        // A loopback request keeps the principal it brings: the tests' recruiter, as after a sign-in.
        Http.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, TestPrincipals.Recruiter.ToHeaderValue());
    }

    public WebApplication App { get; }

    /// <summary>The DevHost's root URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A client of the DevHost signed in as <see cref="TestPrincipals.Recruiter"/>.</summary>
    public HttpClient Http { get; }

    /// <param name="settings">Configuration on top of the DevHost defaults (storage points at the test Azurite).</param>
    /// <param name="functionAssemblies">Assemblies with functions besides the Functions app's.</param>
    /// <param name="host">host.json settings to use instead of the file's.</param>
    /// <param name="services">Extra registrations, e.g. probes the test functions report to.</param>
    /// <param name="clock">The host's clock (default <see cref="TestClock.Default"/>); give a sandbox the test starts the same one.</param>
    public static async Task<TestDevHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        IEnumerable<Assembly>? functionAssemblies = null,
        HostSettings? host = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? clock = null)
    {
        clock ??= TestClock.Default();
        var storage = await TestStorage.ConnectionStringAsync();
        var assemblies = new List<Assembly> { typeof(InterviewScheduler.Functions.Health.HealthFunction).Assembly };
        assemblies.AddRange(functionAssemblies ?? []);
        var app = DevHostApplication.Create(
            ["--urls", "http://127.0.0.1:0"],
            new DevHostSetup
            {
                FunctionAssemblies = assemblies,
                Host = host,
                Configure = builder =>
                {
                    var overrides = new Dictionary<string, string?>
                    {
                        ["AzureWebJobsStorage"] = storage,
                        ["DevHost:Sandbox"] = "false",
                        // No sandbox here unless a test brings one: no subscription to make at start.
                        ["Notifications:PublicUrl"] = "",
                    };
                    foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
                    builder.Configuration.AddInMemoryCollection(overrides);
                    builder.Services.AddSingleton(clock);
                    services?.Invoke(builder.Services);
                },
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestDevHost(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
