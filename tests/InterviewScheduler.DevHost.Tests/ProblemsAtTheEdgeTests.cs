using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.DevHost.Tests;

/// <summary>
/// A Graph failure under an HTTP route answers problem+json through the DevHost, as the worker's middleware does in
/// Azure: 502 for a refusal, 503 with Retry-After for throttling; never a bare 500, never Graph's text.
/// </summary>
public sealed class ProblemsAtTheEdgeTests
{
    private static readonly object Panel = new { sessions = new[] { new { interviewers = new[] { new { email = "lead.engineer@contoso.com" } } } } };

    [Fact]
    public async Task An_organizer_mailbox_graph_does_not_know_answers_502_problem_json_without_graphs_text()
    {
        await using var world = await StartAsync(organizer: "nobody@contoso.com");
        var applicationId = await world.ApplyAsync();

        using var answer = await world.Host.Http.PostAsJsonAsync($"api/applications/{applicationId}/interviews/options", Panel);

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Microsoft Graph refused the request.", problem.GetProperty("title").GetString());
        Assert.Contains("404", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@contoso.com", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_busy_that_stays_throttled_answers_503_with_retry_after()
    {
        await using var world = await StartAsync(organizer: "interviews@contoso.com");
        world.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 1 });
        var applicationId = await world.ApplyAsync();

        using var answer = await world.Host.Http.PostAsJsonAsync($"api/applications/{applicationId}/interviews/options", Panel);

        Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, string.Join("\n", world.Logs.Lines.Where(l => l.Exception is not null).Select(l => l.Exception)));
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), answer.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task At_start_up_an_organizer_calendar_without_teams_is_warned_about()
    {
        var clock = TestClock.Default();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = clock.StartDay, TimeProvider = clock });
        sandbox.Tenant.SetOnlineMeetingProviders("interviews@contoso.com");
        var logs = new LogSink();
        await using var host = await TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Storage:NamePrefix"] = TestStorage.UniqueName("t"),
                ["Graph:BaseUrl"] = sandbox.GraphBaseUrl.ToString(),
                ["Graph:Auth"] = "None",
                ["Scheduling:OrganizerMailbox"] = "interviews@contoso.com",
            },
            services: s => s.AddLogging(l => l.AddProvider(logs)),
            clock: clock);

        await host.App.Services.GetRequiredService<Functions.Health.TeamsMeetingCheck>().Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("does not allow Teams meetings", StringComparison.Ordinal));
    }

    private static async Task<World> StartAsync(string organizer)
    {
        var clock = TestClock.Default();
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = clock.StartDay, TimeProvider = clock });
        var logs = new LogSink();
        var host = await TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Storage:NamePrefix"] = TestStorage.UniqueName("p"),
                ["Graph:BaseUrl"] = sandbox.GraphBaseUrl.ToString(),
                ["Graph:Auth"] = "None",
                ["Scheduling:OrganizerMailbox"] = organizer,
            },
            services: s => s.AddLogging(l => l.AddProvider(logs)),
            clock: clock);
        return new World(sandbox, host, logs);
    }

    private sealed record World(SandboxServer Sandbox, TestDevHost Host, LogSink Logs) : IAsyncDisposable
    {
        public async Task<string> ApplyAsync()
        {
            using var applied = await Host.Http.PostAsJsonAsync("api/applications", new
            {
                candidate = new { name = "Ada Lovelace", email = "ada@example.org", timeZone = "Europe/London" },
                role = new { id = "senior-engineer", title = "Senior Software Engineer" },
            });
            Assert.Equal(HttpStatusCode.Accepted, applied.StatusCode);
            return (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }
}
