using InterviewScheduler.Graph.Connection;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace InterviewScheduler.Sandbox.Tests;

/// <summary>One seeded sandbox shared by a test class; tests that share it use distinct people or subjects.</summary>
public sealed class SeededSandbox : IAsyncLifetime
{
    /// <summary>A Monday, so the seeded weeks start on a working day.</summary>
    public static readonly DateOnly SeedDate = new(2026, 3, 2);

    public SandboxServer Server { get; private set; } = null!;

    public GraphServiceClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Seed = 42, SeedDate = SeedDate });
        Client = Graph.For(Server);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Helpers for talking to a sandbox through the real Graph SDK.</summary>
public static class Graph
{
    /// <summary>A Graph client on the SDK's default handler chain (retry handler included), without a token.</summary>
    public static GraphServiceClient For(SandboxServer server) =>
        GraphServiceClientFactory.Create(new GraphOptions { BaseUrl = server.GraphBaseUrl, Auth = GraphAuth.None });

    /// <summary>An empty tenant on a free port, for tests whose state must not leak.</summary>
    public static Task<SandboxServer> EmptyTenantAsync() =>
        SandboxServer.StartAsync(new SandboxOptions { SeedCompany = false });

    public static DateTimeTimeZone At(DateTime local, string zone = "UTC") =>
        new() { DateTime = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture), TimeZone = zone };

    public static Attendee Attendee(string address, AttendeeType type = AttendeeType.Required) =>
        new() { EmailAddress = new EmailAddress { Address = address }, Type = type };

    public static Event Meeting(string subject, DateTime startUtc, TimeSpan length, params string[] attendees) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Interview guide</p>" },
        Start = At(startUtc),
        End = At(startUtc + length),
        Attendees = [.. attendees.Select(a => Attendee(a))],
        IsOnlineMeeting = true,
        OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
    };
}
