using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewScheduler.DevHost.Catalog;
using InterviewScheduler.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.DevHost.Tests;

public sealed class DevHostTests
{
    private static readonly HostSettings RepositoryHost = HostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

    [Fact]
    public async Task Serves_the_health_function_under_api()
    {
        await using var host = await TestDevHost.StartAsync();

        using var response = await host.Http.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Runs_a_queue_triggered_function_for_a_base64_message_written_by_the_storage_client()
    {
        var queueName = TestStorage.UniqueName("echo");
        var probe = new TriggerProbe();
        await using var host = await StartWithTestFunctionsAsync(probe, ("Test:EchoQueue", queueName));

        var queue = (await TestStorage.AccountAsync()).Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ProbeMessage("hello")));

        Assert.Equal("echo:hello", await probe.NextAsync(TimeSpan.FromSeconds(20)));
        await WaitUntilAsync(async () => (await queue.PeekMessagesAsync()).Value.Length == 0);
    }

    [Fact]
    public async Task A_message_that_fails_five_times_moves_to_the_poison_queue()
    {
        var queueName = TestStorage.UniqueName("failing");
        var probe = new TriggerProbe();
        // host.json as in the repository, but failed messages come back at once to keep the test short.
        await using var host = await StartWithTestFunctionsAsync(probe, ("Test:FailingQueue", queueName), RepositoryHost with { VisibilityTimeout = TimeSpan.Zero });

        var account = await TestStorage.AccountAsync();
        var queue = account.Queue(queueName);
        var poison = account.Queue(queueName + "-poison");
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync("doomed");

        await WaitUntilAsync(async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length == 1);
        var poisoned = (await poison.PeekMessagesAsync()).Value.Single();
        Assert.Equal("doomed", poisoned.Body.ToString());
        Assert.Equal(5, RepositoryHost.MaxDequeueCount);
        Assert.Equal(RepositoryHost.MaxDequeueCount, probe.Attempts[sent.Value.MessageId]);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Runs_a_timer_triggered_function_on_its_schedule()
    {
        var probe = new TriggerProbe();
        await using var host = await StartWithTestFunctionsAsync(probe, ("Test:Schedule", "*/1 * * * * *"));

        var first = await probe.NextAsync(TimeSpan.FromSeconds(10));
        var second = await probe.NextAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("tick:", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Start_up_fails_naming_a_missing_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await TestDevHost.StartAsync(new Dictionary<string, string?> { ["Scheduling:OrganizerMailbox"] = "" });
        });

        Assert.Contains("Scheduling:OrganizerMailbox", failure.Message, StringComparison.Ordinal);
    }

    private static Task<TestDevHost> StartWithTestFunctionsAsync(TriggerProbe probe, (string Key, string Value) setting, HostSettings? host = null)
    {
        // Every test function's setting must resolve; the ones this test does not use get names of their own.
        var settings = new Dictionary<string, string?>
        {
            ["Test:EchoQueue"] = TestStorage.UniqueName("unusedecho"),
            ["Test:FailingQueue"] = TestStorage.UniqueName("unusedfailing"),
            ["Test:Schedule"] = "0 0 0 1 1 *",
        };
        settings[setting.Key] = setting.Value;
        return TestDevHost.StartAsync(settings, [typeof(DevHostTests).Assembly], host, services => services.AddSingleton(probe));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(100);
        }
    }
}
