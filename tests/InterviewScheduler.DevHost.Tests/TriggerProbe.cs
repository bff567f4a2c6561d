using System.Collections.Concurrent;
using System.Threading.Channels;

namespace InterviewScheduler.DevHost.Tests;

/// <summary>What the test functions saw, for the tests to wait on.</summary>
public sealed class TriggerProbe
{
    private readonly Channel<string> _seen = Channel.CreateUnbounded<string>();

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public void Saw(string value) => _seen.Writer.TryWrite(value);

    public async Task<string> NextAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        return await _seen.Reader.ReadAsync(cancellation.Token);
    }
}
