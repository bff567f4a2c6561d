using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Tests.Availability;

namespace InterviewScheduler.Benchmarks;

/// <summary>Short in-process runs: the machine is shared and the oracle cases take a second each.</summary>
public class QuickConfig : ManualConfig
{
    public QuickConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithId("Quick"));
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}

/// <summary>
/// The three sized cases from the issue, each run by the engine (baseline) and by the minute-by-minute
/// oracle of the property tests; the Ratio column is oracle time over engine time. The engine returns
/// the top 5 ranked options; the oracle only finds the earliest start (less work than ranking).
/// </summary>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private static readonly TimeProvider Clock = new FixedClock(SyntheticCalendars.Monday.AddHours(-12));
    private AvailabilityRequest _small = null!;
    private AvailabilityRequest _large = null!;
    private AvailabilityRequest _loop = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 10 interviewers (4 required, 6 optional, quorum 2) x 10 working days (14 calendar days) x ~6 meetings a day.
        _small = SyntheticCalendars.Panel(SyntheticCalendars.People(10, 14, 6, optionalFrom: 4, seed: 1), 14, minimumOptional: 2);

        // 50 interviewers (5 required, 45 optional, quorum 10) x 60 working days (84 calendar days) x ~8 meetings a day.
        _large = SyntheticCalendars.Panel(SyntheticCalendars.People(50, 84, 8, optionalFrom: 5, seed: 2), 84, minimumOptional: 10);

        // A loop of 4 sessions x 5 interviewers (2 required, 3 optional, quorum 1 each) over 10 working days, ~4 meetings a day.
        var people = SyntheticCalendars.People(20, 14, 4, optionalFrom: 20, seed: 3);
        _loop = new AvailabilityRequest
        {
            Window = new TimeRange(SyntheticCalendars.Monday, SyntheticCalendars.Monday.AddDays(14)),
            Sessions = [.. Enumerable.Range(0, 4).Select(s => new PanelSession
            {
                Title = $"Session {s + 1}",
                Duration = TimeSpan.FromMinutes(45),
                Interviewers = [.. people.Skip(s * 5).Take(5).Select((p, i) => p with { Optional = i >= 2 })],
                MinimumOptional = 1,
            })],
        };

        foreach (var (name, request) in new[] { ("small", _small), ("large", _large), ("loop", _loop) })
        {
            var options = AvailabilityEngine.FindOptions(request, Clock);
            Console.WriteLine($"// {name}: {SyntheticCalendars.BusyItems(request)} busy items, {options.Count} options, first {(options.Count > 0 ? options[0].Span : null)}");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("10 people x 10 days")]
    public int Engine_small() => AvailabilityEngine.FindOptions(_small, Clock).Count;

    [Benchmark, BenchmarkCategory("10 people x 10 days")]
    public DateTimeOffset? Oracle_small() => new MinuteOracle(_small, Clock.GetUtcNow()).EarliestStart();

    [Benchmark(Baseline = true), BenchmarkCategory("50 people x 60 days")]
    public int Engine_large() => AvailabilityEngine.FindOptions(_large, Clock).Count;

    [Benchmark, BenchmarkCategory("50 people x 60 days")]
    public DateTimeOffset? Oracle_large() => new MinuteOracle(_large, Clock.GetUtcNow()).EarliestStart();

    [Benchmark(Baseline = true), BenchmarkCategory("loop 4 x 5 x 10 days")]
    public int Engine_loop() => AvailabilityEngine.FindOptions(_loop, Clock).Count;

    [Benchmark, BenchmarkCategory("loop 4 x 5 x 10 days")]
    public DateTimeOffset? Oracle_loop() => new MinuteOracle(_loop, Clock.GetUtcNow()).EarliestStart();
}

/// <summary>
/// Cost against the number of busy items with people and window fixed (50 people, 20 calendar days):
/// only the meeting density changes, so minutes x people is constant and the growth is the engine's own.
/// </summary>
[Config(typeof(QuickConfig))]
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private static readonly TimeProvider Clock = new FixedClock(SyntheticCalendars.Monday.AddHours(-12));
    private AvailabilityRequest _request = null!;

    [Params(1_000, 10_000, 100_000)]
    public int BusyItems { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 50 people x 14 working days = 700 person-days.
        var people = SyntheticCalendars.People(50, 20, BusyItems / 700.0, optionalFrom: 5, seed: 4);
        _request = SyntheticCalendars.Panel(people, 20, minimumOptional: 0);
        Console.WriteLine($"// {SyntheticCalendars.BusyItems(_request)} busy items, {AvailabilityEngine.FindOptions(_request, Clock).Count} options");
    }

    [Benchmark(Baseline = true)]
    public int Engine() => AvailabilityEngine.FindOptions(_request, Clock).Count;

    [Benchmark]
    public DateTimeOffset? Oracle() => new MinuteOracle(_request, Clock.GetUtcNow()).EarliestStart();
}

/// <summary>A clock stopped at one instant (the benchmarks need no timers).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
