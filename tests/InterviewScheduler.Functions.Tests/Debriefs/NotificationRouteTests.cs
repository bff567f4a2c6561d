using System.Text;
using System.Text.Json;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Tests.Debriefs;

/// <summary>The anonymous notification routes: a capped body, one log line per request, only queue writes inline.</summary>
public sealed class NotificationRouteTests
{
    [Fact]
    public async Task A_declared_length_over_1_MiB_is_413_problem_json_without_reading_the_body()
    {
        await using var app = await TestApp.StartAsync();
        foreach (var route in Routes(app))
        {
            var request = FunctionRequests.Anonymous(FunctionRequests.Json("{}"));
            request.Body = new UnreadableStream();
            request.ContentLength = NotificationBody.MaxBytes + 1;

            var result = await route(request);

            Assert.Equal(413, FunctionRequests.StatusOf(result));
            Assert.Contains("application/problem+json", ((ObjectResult)result).ContentTypes);
        }

        await AssertNothingQueuedAsync(app);
    }

    [Fact]
    public async Task A_chunked_body_over_1_MiB_is_413_and_read_no_further_than_the_cap()
    {
        await using var app = await TestApp.StartAsync();
        foreach (var route in Routes(app))
        {
            var endless = new EndlessStream();
            var request = FunctionRequests.Anonymous(FunctionRequests.Json("{}"));
            request.Body = endless;
            request.ContentLength = null;

            var result = await route(request);

            Assert.Equal(413, FunctionRequests.StatusOf(result));
            Assert.InRange(endless.BytesRead, NotificationBody.MaxBytes + 1, NotificationBody.MaxBytes + 1);
        }

        await AssertNothingQueuedAsync(app);
    }

    [Fact]
    public async Task A_batch_of_many_notifications_is_queued_and_logged_in_one_line_with_its_counts()
    {
        var logs = new LogSink();
        await using var app = await TestApp.StartAsync(services: s => s.AddLogging(l => l.AddProvider(logs)));
        var notifications = Enumerable.Range(0, 40).Select(i => new
        {
            subscriptionId = "s",
            clientState = i == 0 ? "not-our-secret-at-all" : TestApp.ClientState,
            changeType = "updated",
            resource = $"Users/x/Events/event-{i}",
            resourceData = new { id = $"event-{i}" },
        });
        var body = JsonSerializer.Serialize(new { value = notifications });

        var result = await app.Function<CalendarNotificationFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Json(body)), CancellationToken.None);

        Assert.Equal(202, FunctionRequests.StatusOf(result));
        var line = Assert.Single(logs.Lines, l => l.Category == typeof(CalendarNotificationFunction).FullName);
        Assert.Equal("Calendar notifications: 40 received, 39 queued, 1 ignored for a wrong clientState", line.Message);
        var queue = app.Storage.Queue(app.Names.CalendarChangesQueue);
        Assert.Equal(39, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Path.Contains("/events", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_lifecycle_batch_is_logged_in_one_line()
    {
        var logs = new LogSink();
        await using var app = await TestApp.StartAsync(services: s => s.AddLogging(l => l.AddProvider(logs)));
        var body = JsonSerializer.Serialize(new
        {
            value = new[] { "missed", "reauthorizationRequired", "somethingElse" }.Select(e => new { subscriptionId = "s", clientState = TestApp.ClientState, lifecycleEvent = e }),
        });

        var result = await app.Function<LifecycleNotificationFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Json(body)), CancellationToken.None);

        Assert.Equal(202, FunctionRequests.StatusOf(result));
        var line = Assert.Single(logs.Lines, l => l.Category == typeof(LifecycleNotificationFunction).FullName);
        Assert.Equal("Lifecycle notifications: 3 received, queued [missed,reauthorizationRequired], 0 ignored for a wrong clientState", line.Message);
    }

    private static Func<HttpRequest, Task<IActionResult>>[] Routes(TestApp app) =>
    [
        r => app.Function<CalendarNotificationFunction>().Run(r, CancellationToken.None),
        r => app.Function<LifecycleNotificationFunction>().Run(r, CancellationToken.None),
    ];

    private static async Task AssertNothingQueuedAsync(TestApp app)
    {
        var queue = app.Storage.Queue(app.Names.CalendarChangesQueue);
        Assert.False(await queue.ExistsAsync() && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0, "something was queued");
    }

    /// <summary>A body that fails the test if anything reads it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The body was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new InvalidOperationException("The body was read.");
    }

    /// <summary>A chunked body that never ends (spaces inside a JSON array), counting what was read of it.</summary>
    private sealed class EndlessStream : Stream
    {
        private static readonly byte Space = Encoding.ASCII.GetBytes(" ")[0];

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(Space);
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill(Space);
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
