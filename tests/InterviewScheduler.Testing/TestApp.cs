using Azure.Storage.Queues.Models;
using InterviewScheduler.Functions.Acknowledgments;
using InterviewScheduler.Functions.Configuration;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Storage.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewScheduler.Testing;

/// <summary>
/// The service's real composition (<c>AddInterviewScheduler</c>) against the test Azurite, under table and queue
/// names of its own, and a seeded sandbox tenant on a free port reached through the real Graph SDK. Function
/// classes are built from it and called as the host calls them.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestApp(ServiceProvider services, SandboxServer sandbox)
    {
        _services = services;
        Sandbox = sandbox;
    }

    /// <summary>The clientState the app expects on Graph notifications.</summary>
    public const string ClientState = "test-client-state-0123456789";

    public IServiceProvider Services => _services;

    public SandboxServer Sandbox { get; }

    /// <summary>The clock the app and the sandbox share.</summary>
    public TimeProvider Clock => _services.GetRequiredService<TimeProvider>();

    public StorageAccount Storage => _services.GetRequiredService<StorageAccount>();

    public StorageNames Names => _services.GetRequiredService<StorageNames>();

    /// <param name="settings">Changes to the default test settings (a value of null removes the key).</param>
    /// <param name="services">Replacements registered after the app's own, e.g. a TimeProvider or a failing decorator.</param>
    /// <param name="tenant">Changes to the seeded tenant before the app starts, e.g. people of the test's own.</param>
    /// <param name="clock">
    /// The clock of the app and the sandbox alike (default <see cref="TestClock.Default"/>); the sandbox's company is
    /// seeded from the day it reads at start, so no test depends on the day it runs.
    /// </param>
    public static async Task<TestApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, Action<SandboxTenant>? tenant = null, TimeProvider? clock = null)
    {
        clock ??= TestClock.Default();
        var seedDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedDate = seedDate, TimeProvider = clock });
        tenant?.Invoke(sandbox.Tenant);
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await TestStorage.ConnectionStringAsync(),
            ["Storage:NamePrefix"] = TestStorage.UniqueName("t"),
            ["Graph:BaseUrl"] = sandbox.GraphBaseUrl.ToString(),
            ["Graph:Auth"] = "None",
            ["Mail:SenderMailbox"] = SandboxCompany.RecruitingMailbox,
            ["Scheduling:OrganizerMailbox"] = SandboxCompany.OrganizerMailbox,
            ["Debrief:RecruiterMailbox"] = SandboxCompany.RecruiterMailbox,
            ["Debrief:ReconcileSchedule"] = "0 */15 * * * *",
            ["Notifications:ClientState"] = ClientState,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton(clock);
        collection.AddInterviewScheduler(configuration);
        services?.Invoke(collection);
        return new TestApp(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), sandbox);
    }

    /// <summary>A function class built as the worker builds it, from the app's services.</summary>
    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>
    /// Delivers the acknowledgments queue to <see cref="SendAcknowledgmentFunction"/> as the Functions host would
    /// (see <see cref="DeliverAsync"/>).
    /// </summary>
    /// <returns>The number of deliveries made.</returns>
    public Task<int> DeliverAcknowledgmentsAsync(TimeSpan timeout, int maxDequeueCount = 5) =>
        DeliverAsync(Names.AcknowledgmentsQueue, m => Function<SendAcknowledgmentFunction>().Run(m, CancellationToken.None), timeout, maxDequeueCount);

    /// <summary>Delivers the calendar-changes queue to <see cref="CalendarChangeFunction"/>.</summary>
    public Task<int> DeliverCalendarChangesAsync(TimeSpan timeout) =>
        DeliverAsync(Names.CalendarChangesQueue, m => Function<CalendarChangeFunction>().Run(m.Body.ToString(), CancellationToken.None), timeout, 5);

    /// <summary>
    /// Delivers a queue to a function as the Functions host would (a failed message comes back, up to
    /// <paramref name="maxDequeueCount"/> deliveries, then poison) until the queue is empty, waiting out
    /// visibility delays, or until <paramref name="timeout"/>.
    /// </summary>
    /// <returns>The number of deliveries made.</returns>
    public async Task<int> DeliverAsync(string queueName, Func<QueueMessage, Task> function, TimeSpan timeout, int maxDequeueCount)
    {
        ArgumentNullException.ThrowIfNull(function);
        var queue = Storage.Queue(queueName);
        var poison = Storage.Queue(queueName + "-poison");
        await queue.CreateIfNotExistsAsync();
        var deadline = DateTime.UtcNow + timeout;
        var deliveries = 0;
        while (DateTime.UtcNow < deadline)
        {
            QueueMessage[] messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1))).Value;
            if (messages.Length == 0)
            {
                if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0) return deliveries;
                await Task.Delay(100);
                continue;
            }

            await Task.WhenAll(messages.Select(async message =>
            {
                Interlocked.Increment(ref deliveries);
                try
                {
                    await function(message);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
#pragma warning disable CA1031 // The host catches every failure and retries or poisons; so does this stand-in.
                catch (Exception)
#pragma warning restore CA1031
                {
                    if (message.DequeueCount >= maxDequeueCount)
                    {
                        await poison.CreateIfNotExistsAsync();
                        await poison.SendMessageAsync(message.Body);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                    else
                    {
                        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                    }
                }
            }));
        }

        throw new TimeoutException($"The queue {queueName} did not empty within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
