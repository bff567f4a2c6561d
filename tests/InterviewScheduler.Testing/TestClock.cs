namespace InterviewScheduler.Testing;

/// <summary>
/// A clock that reads a chosen instant when it is made and then runs at the wall clock's speed, so that a test's
/// dates never depend on the day it runs, while timers, queue delays and timeouts still pass in real time.
/// For a clock that only moves when told, use <c>FakeTimeProvider</c>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// The default start of every test app: Monday 2026-11-16 08:00 UTC, a week clear of any DST change in the
    /// seeded company's zones (Europe changed on 25 October, America on 1 November), before 09:00 in London.
    /// </summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private readonly DateTimeOffset _start;
    private readonly long _origin;
    private long _skippedTicks;

    private TestClock(DateTimeOffset start)
    {
        _start = start.ToUniversalTime();
        _origin = System.GetTimestamp();
    }

    /// <summary>A clock that reads <paramref name="start"/> now.</summary>
    public static TestClock StartingAt(DateTimeOffset start) => new(start);

    /// <summary>A clock that reads <see cref="DefaultStart"/> now.</summary>
    public static TestClock Default() => new(DefaultStart);

    /// <summary>The UTC day the clock started on: the sandbox's seed date.</summary>
    public DateOnly StartDay => DateOnly.FromDateTime(_start.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_origin) + TimeSpan.FromTicks(Interlocked.Read(ref _skippedTicks));

    /// <summary>Jumps forward by <paramref name="by"/>, as if that much time had passed (a claim going stale, a lease ending).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _skippedTicks, by.Ticks);
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
