using InterviewScheduler.Graph.Connection;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Requests;
using Microsoft.Graph;

namespace InterviewScheduler.Graph.Tests;

/// <summary>A sandbox tenant on a free loopback port and a Graph client for it, on the SDK's default handler chain.</summary>
public sealed class TestTenant : IAsyncDisposable
{
    /// <summary>A Monday, so the seeded weeks start on a working day.</summary>
    public static readonly DateOnly SeedDate = new(2026, 3, 2);

    /// <summary>Midnight UTC of <see cref="SeedDate"/>.</summary>
    public static readonly DateTimeOffset Monday = new(SeedDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private TestTenant(SandboxServer server)
    {
        Server = server;
        Client = GraphServiceClientFactory.Create(new GraphOptions { BaseUrl = server.GraphBaseUrl, Auth = GraphAuth.None });
    }

    public SandboxServer Server { get; }

    public SandboxTenant Tenant => Server.Tenant;

    public GraphServiceClient Client { get; }

    /// <summary>Requests the client sent itself (not the steps a <c>$batch</c> carried).</summary>
    public IReadOnlyList<RequestLogEntry> TopLevelRequests => [.. Tenant.RequestLog.Where(r => !r.InBatch)];

    /// <summary>The sub-requests carried by <c>$batch</c> requests.</summary>
    public IReadOnlyList<RequestLogEntry> BatchSteps => [.. Tenant.RequestLog.Where(r => r.InBatch)];

    /// <summary>The seeded company, four weeks of meetings from <see cref="SeedDate"/>.</summary>
    public static async Task<TestTenant> SeededAsync() =>
        new(await SandboxServer.StartAsync(new SandboxOptions { Seed = 42, SeedDate = SeedDate }));

    /// <summary>An empty tenant with just an organizer mailbox, for tests that add their own people.</summary>
    public static async Task<TestTenant> EmptyAsync(string organizer = "interviews@fabrikam.com")
    {
        var tenant = new TestTenant(await SandboxServer.StartAsync(new SandboxOptions { SeedCompany = false }));
        tenant.Tenant.AddUser(organizer, "Fabrikam Interviews", "Europe/London");
        return tenant;
    }

    /// <summary>Adds <paramref name="count"/> people in London, numbered from 1.</summary>
    public IReadOnlyList<string> AddPeople(int count, string prefix = "interviewer")
    {
        var addresses = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var address = $"{prefix}{i:D3}@fabrikam.com";
            Tenant.AddUser(address, $"Interviewer {i}", "Europe/London");
            addresses.Add(address);
        }

        return addresses;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
