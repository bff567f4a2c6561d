using InterviewScheduler.DevHost.Catalog;
using Microsoft.Extensions.Configuration;

namespace InterviewScheduler.DevHost.Tests;

/// <summary>App settings named AzureFunctionsJobHost__… override host.json, as on the Functions host.</summary>
public sealed class HostSettingsOverrideTests
{
    private static readonly HostSettings RepositoryHost = HostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

    [Fact]
    public void AzureFunctionsJobHost_settings_override_the_function_timeout_and_queue_settings_and_leave_the_rest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:functionTimeout"] = "00:00:30",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
        }).Build();

        var settings = RepositoryHost.WithOverrides(configuration);

        Assert.Equal(TimeSpan.FromSeconds(30), settings.FunctionTimeout);
        Assert.Equal(3, settings.MaxDequeueCount);
        Assert.NotEqual(TimeSpan.FromSeconds(30), RepositoryHost.FunctionTimeout);
        Assert.Equal(RepositoryHost with { FunctionTimeout = TimeSpan.FromSeconds(30), MaxDequeueCount = 3 }, settings);
    }

    [Fact]
    public void Without_overrides_the_settings_are_host_jsons()
    {
        Assert.Equal(RepositoryHost, RepositoryHost.WithOverrides(new ConfigurationBuilder().Build()));
    }
}
