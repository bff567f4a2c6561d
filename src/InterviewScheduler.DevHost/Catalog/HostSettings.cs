using System.Globalization;
using System.Text.Json;

namespace InterviewScheduler.DevHost.Catalog;

/// <summary>
/// The parts of host.json the DevHost honours, so that local runs retry and poison messages as Azure does.
/// Defaults are the Functions host's own.
/// </summary>
public sealed record HostSettings
{
    /// <summary>Prefix of every HTTP route (<c>extensions.http.routePrefix</c>).</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>Failed deliveries after which a queue message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before its next delivery.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Messages fetched and run at once per queue.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Fetch more messages once fewer than this many are still running (the host's default is half the batch).</summary>
    public int NewBatchThreshold { get; init; } = 8;

    /// <summary>Longest run of one function; a dequeued message stays hidden this long.</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Reads host.json; a missing file gives the defaults.</summary>
    public static HostSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HostSettings();
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var defaults = new HostSettings();
        var http = Section(root, "extensions", "http");
        var queues = Section(root, "extensions", "queues");
        return new HostSettings
        {
            RoutePrefix = String(http, "routePrefix") ?? defaults.RoutePrefix,
            MaxDequeueCount = Int(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
            MaxPollingInterval = Time(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval,
            VisibilityTimeout = Time(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            BatchSize = Int(queues, "batchSize") ?? defaults.BatchSize,
            NewBatchThreshold = Int(queues, "newBatchThreshold") ?? defaults.NewBatchThreshold,
            FunctionTimeout = Time(root, "functionTimeout") ?? defaults.FunctionTimeout,
        };
    }

    /// <summary>
    /// host.json values overridden by app settings named <c>AzureFunctionsJobHost__path__to__setting</c> (in
    /// configuration, <c>AzureFunctionsJobHost:functionTimeout</c>, <c>AzureFunctionsJobHost:extensions:queues:batchSize</c>),
    /// as the Functions host allows (functions-host-json.md, "Override host.json values").
    /// </summary>
    public HostSettings WithOverrides(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var host = configuration.GetSection("AzureFunctionsJobHost");
        var queues = host.GetSection("extensions:queues");
        static TimeSpan? TimeOf(IConfiguration section, string key) =>
            section[key] is { Length: > 0 } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
        static int? IntOf(IConfiguration section, string key) =>
            section[key] is { Length: > 0 } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
        return this with
        {
            RoutePrefix = host["extensions:http:routePrefix"] ?? RoutePrefix,
            MaxDequeueCount = IntOf(queues, "maxDequeueCount") ?? MaxDequeueCount,
            MaxPollingInterval = TimeOf(queues, "maxPollingInterval") ?? MaxPollingInterval,
            VisibilityTimeout = TimeOf(queues, "visibilityTimeout") ?? VisibilityTimeout,
            BatchSize = IntOf(queues, "batchSize") ?? BatchSize,
            NewBatchThreshold = IntOf(queues, "newBatchThreshold") ?? NewBatchThreshold,
            FunctionTimeout = TimeOf(host, "functionTimeout") ?? FunctionTimeout,
        };
    }

    private static JsonElement? Section(JsonElement root, params string[] path)
    {
        var current = root;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? String(JsonElement? section, string name) =>
        section is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement? section, string name) =>
        section is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static TimeSpan? Time(JsonElement? section, string name) =>
        String(section, name) is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
