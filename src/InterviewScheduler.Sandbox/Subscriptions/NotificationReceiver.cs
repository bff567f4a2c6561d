using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>
/// A minimal notification endpoint on a free loopback port, for tests and local runs without a Functions host:
/// it answers Graph's validation handshake (echoes <c>validationToken</c> as text/plain) and records every
/// notification posted to <see cref="NotificationUrl"/> or <see cref="LifecycleNotificationUrl"/>. Thread-safe.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedNotification> _received = [];
    private readonly List<string> _validationTokens = [];
    private WebApplication _app = null!;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NotificationReceiver()
    {
    }

    /// <summary>Where change notifications should go: <c>http://127.0.0.1:{port}/notifications</c>.</summary>
    public Uri NotificationUrl { get; private set; } = null!;

    /// <summary>Where lifecycle notifications should go: <c>http://127.0.0.1:{port}/lifecycle</c>.</summary>
    public Uri LifecycleNotificationUrl { get; private set; } = null!;

    /// <summary>False answers the validation handshake with 200 and an empty body, so Graph refuses the subscription.</summary>
    public bool EchoesValidationTokens { get; set; } = true;

    /// <summary>The status answered to notifications; 202 Accepted unless a test wants the sender to see a failure.</summary>
    public int NotificationStatus { get; set; } = StatusCodes.Status202Accepted;

    /// <summary>
    /// How long the receiver takes to answer a notification, after recording it (zero by default): a stand-in for a slow
    /// endpoint. Real time, as the sender measures it; past <see cref="SubscriptionRules.DeliveryTimeout"/> the sender gives up.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Every notification received (one per item of a posted <c>value</c> array), oldest first.</summary>
    public IReadOnlyList<ReceivedNotification> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The validation tokens received, decoded, oldest first.</summary>
    public IReadOnlyList<string> ValidationTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _validationTokens];
            }
        }
    }

    /// <summary>Starts listening on a free loopback port.</summary>
    public static async Task<NotificationReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var receiver = new NotificationReceiver();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/notifications", http => receiver.Receive(http, "notifications"));
        app.MapPost("/lifecycle", http => receiver.Receive(http, "lifecycle"));
        await app.StartAsync(cancellationToken);
        receiver._app = app;
        var root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        receiver.NotificationUrl = new Uri(root, "notifications");
        receiver.LifecycleNotificationUrl = new Uri(root, "lifecycle");
        return receiver;
    }

    /// <summary>
    /// Waits until the notifications received so far satisfy <paramref name="condition"/>, and returns them.
    /// </summary>
    /// <exception cref="TimeoutException">Not satisfied within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<ReceivedNotification>> WaitForAsync(Func<IReadOnlyList<ReceivedNotification>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var received = _received.ToList();
                if (condition(received)) return received;
                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The expected notifications did not arrive within {timeout.TotalSeconds:0.#} s; {Received.Count} received.");
            }
        }
    }

    private async Task Receive(HttpContext http, string endpoint)
    {
        if (http.Request.Query.TryGetValue("validationToken", out var token))
        {
            lock (_gate)
            {
                _validationTokens.Add(token.ToString());
            }

            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/plain";
            if (EchoesValidationTokens) await http.Response.WriteAsync(token.ToString(), http.RequestAborted);
            return;
        }

        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var items = (body?["value"] as JsonArray)?.OfType<JsonObject>().Select(i => new ReceivedNotification(endpoint, (JsonObject)i.DeepClone())).ToList() ?? [];
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _received.AddRange(items);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        if (ResponseDelay > TimeSpan.Zero) await Task.Delay(ResponseDelay, http.RequestAborted);
        http.Response.StatusCode = NotificationStatus;
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One notification as a receiver got it.</summary>
/// <param name="Endpoint"><c>notifications</c> or <c>lifecycle</c>.</param>
/// <param name="Item">The item of the posted <c>value</c> array.</param>
public sealed record ReceivedNotification(string Endpoint, JsonObject Item)
{
    public string? SubscriptionId => Text(Item["subscriptionId"]);

    /// <summary><c>created</c>, <c>updated</c> or <c>deleted</c>; null for a lifecycle notification.</summary>
    public string? ChangeType => Text(Item["changeType"]);

    /// <summary><c>reauthorizationRequired</c>, <c>subscriptionRemoved</c> or <c>missed</c>; null for a change notification.</summary>
    public string? LifecycleEvent => Text(Item["lifecycleEvent"]);

    public string? ClientState => Text(Item["clientState"]);

    /// <summary>The changed event's id (<c>resourceData.id</c>).</summary>
    public string? EventId => Text(Item["resourceData"]?["id"]);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
