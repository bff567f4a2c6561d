using System.Globalization;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// What one whole-flow run does, from the command line after <c>flow</c>. Every value is bounded, and the suite
/// only ever starts its own Azurite, DevHost and sandbox on the ports given (loopback).
/// </summary>
internal sealed record FlowOptions
{
    public const string Usage = """
        InterviewScheduler whole-flow load and fault suite: starts its own Azurite (persistent, restarted mid-run),
        sandbox tenant (in this process, faults on every Graph route) and DevHost (killed mid-burst), then posts
        applications, books panels, moves and cancels interviews in "Outlook", and checks the invariants.

          flow [options]
          --short               the CI version: 200 applications, 8 bookings, 6 changes, the same faults, the
                                chaos between bursts, functionTimeout 30 s
          --applications N      distinct applications, 1..20000                       default 5000
          --bursts N            bursts the applications come in, 1..100                default 10
          --burst-rate R        posts per second within a burst, 1..500               default 100
          --burst-pause S       seconds between bursts, 0..60                          default 5
          --duplicates F        re-sent posts (same externalId), fraction of N, 0..1  default 0.1
          --greenhouse F        applications through POST /api/intake/greenhouse, 0..1 default 0.1
          --bookings N          panel bookings, 0..1000                                default 200
          --panel MIN-MAX       interviewers per booking, 1..100                       default 5-50
          --changes N           interviews moved or cancelled in Outlook, 0..1000       default 100
          --throttle F          Graph requests answered 429 or 503 (half each), 0..0.9 default 0.2
          --ambiguous F         Graph requests that take effect and answer 5xx or time
                                out (two thirds 5xx, a third dropped), 0..0.5          default 0.03
          --spikes F            Graph requests delayed by --spike-ms, 0..1            default 0.05
          --spike-ms MS         a latency spike, 0..30000                              default 1500
          --chaos-between-bursts  kill the DevHost and restart Azurite between bursts, not in the middle of one
                                (no post in flight: nothing waits for the acknowledgment sweep's 5-10 min)
          --function-timeout S  the DevHost's functionTimeout (AzureFunctionsJobHost__functionTimeout), how long
                                a message taken by a killed DevHost stays hidden, 10..600  default host.json's
          --no-kill             do not kill the DevHost mid-burst
          --no-azurite-restart  do not restart Azurite mid-run
          --wait S              seconds to wait for the flow to settle, 10..3600        default 600
          --ports B,D,S         Azurite's first port (3 ports), DevHost, sandbox      default 20000,27071,27072
          --devhost PATH        InterviewScheduler.DevHost.dll                          default: the Release build
          --azurite PATH        the azurite executable                                  default: node_modules/.bin/azurite above the repository
          --out DIR             logs, Azurite's folder and the CSVs                    default: a new temporary folder
          --seed N              seed of every random choice                            default 1

        Exit code: 0 every invariant held; 1 an invariant was violated; 2 the suite could not run; 64 bad arguments.
        """;

    public int Applications { get; init; } = 5000;

    public int Bursts { get; init; } = 10;

    public double BurstRate { get; init; } = 100;

    public TimeSpan BurstPause { get; init; } = TimeSpan.FromSeconds(5);

    public double Duplicates { get; init; } = 0.1;

    public double Greenhouse { get; init; } = 0.1;

    public int Bookings { get; init; } = 200;

    public int MinPanel { get; init; } = 5;

    public int MaxPanel { get; init; } = 50;

    public int Changes { get; init; } = 100;

    public double Throttle { get; init; } = 0.2;

    public double Ambiguous { get; init; } = 0.03;

    public double Spikes { get; init; } = 0.05;

    public int SpikeMilliseconds { get; init; } = 1500;

    public bool KillDevHost { get; init; } = true;

    public bool ChaosBetweenBursts { get; init; }

    public TimeSpan? FunctionTimeout { get; init; }

    public bool RestartAzurite { get; init; } = true;

    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(600);

    public int AzuritePort { get; init; } = 20000;

    public int DevHostPort { get; init; } = 27071;

    public int SandboxPort { get; init; } = 27072;

    public string? DevHostDll { get; init; }

    public string? AzuriteExecutable { get; init; }

    public string? OutDirectory { get; init; }

    public int Seed { get; init; } = 1;

    public bool Short { get; init; }

    /// <summary>The CI version: a few hundred applications and ten bookings, the same faults and chaos.</summary>
    public static FlowOptions ShortRun { get; } = new()
    {
        Short = true,
        Applications = 200,
        Bursts = 3,
        BurstRate = 60,
        BurstPause = TimeSpan.FromSeconds(2),
        Bookings = 8,
        Changes = 6,
        ChaosBetweenBursts = true,
        FunctionTimeout = TimeSpan.FromSeconds(30),
        Wait = TimeSpan.FromSeconds(120),
    };

    public int Resends => (int)Math.Round(Applications * Duplicates, MidpointRounding.AwayFromZero);

    /// <exception cref="ArgumentException">An unknown option, a missing value or a value out of bounds.</exception>
    public static FlowOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--short") ? ShortRun : new FlowOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--short" => options,
                "--applications" => options with { Applications = Int(name, Value(), 1, 20_000) },
                "--bursts" => options with { Bursts = Int(name, Value(), 1, 100) },
                "--burst-rate" => options with { BurstRate = Number(name, Value(), 1, 500) },
                "--burst-pause" => options with { BurstPause = TimeSpan.FromSeconds(Number(name, Value(), 0, 60)) },
                "--duplicates" => options with { Duplicates = Number(name, Value(), 0, 1) },
                "--greenhouse" => options with { Greenhouse = Number(name, Value(), 0, 1) },
                "--bookings" => options with { Bookings = Int(name, Value(), 0, 1000) },
                "--panel" => Panel(options, name, Value()),
                "--changes" => options with { Changes = Int(name, Value(), 0, 1000) },
                "--throttle" => options with { Throttle = Number(name, Value(), 0, 0.9) },
                "--ambiguous" => options with { Ambiguous = Number(name, Value(), 0, 0.5) },
                "--spikes" => options with { Spikes = Number(name, Value(), 0, 1) },
                "--spike-ms" => options with { SpikeMilliseconds = Int(name, Value(), 0, 30_000) },
                "--no-kill" => options with { KillDevHost = false },
                "--chaos-between-bursts" => options with { ChaosBetweenBursts = true },
                "--function-timeout" => options with { FunctionTimeout = TimeSpan.FromSeconds(Number(name, Value(), 10, 600)) },
                "--no-azurite-restart" => options with { RestartAzurite = false },
                "--wait" => options with { Wait = TimeSpan.FromSeconds(Number(name, Value(), 10, 3600)) },
                "--ports" => Ports(options, name, Value()),
                "--devhost" => options with { DevHostDll = Value() },
                "--azurite" => options with { AzuriteExecutable = Value() },
                "--out" => options with { OutDirectory = Value() },
                "--seed" => options with { Seed = Int(name, Value(), int.MinValue, int.MaxValue) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (options.Changes > options.Bookings) throw new ArgumentException("--changes cannot exceed --bookings: each change is on its own booking.");
        if (options.Bookings > options.Applications) throw new ArgumentException("--bookings cannot exceed --applications.");
        return options;
    }

    private static FlowOptions Panel(FlowOptions options, string name, string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 2) throw new ArgumentException($"{name} is MIN-MAX, e.g. 5-50.");
        var min = Int(name, parts[0], 1, 100);
        var max = Int(name, parts[1], min, 100);
        return options with { MinPanel = min, MaxPanel = max };
    }

    private static FlowOptions Ports(FlowOptions options, string name, string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 3) throw new ArgumentException($"{name} is AZURITE,DEVHOST,SANDBOX, e.g. 20000,27071,27072.");
        var ports = parts.Select(p => Int(name, p, 1024, 65000)).ToArray();
        if (ports[0] is >= 9998 and <= 10002) throw new ArgumentException($"{name}: 10000-10002 is the shared Azurite's; the suite restarts its own, so it takes other ports.");
        return options with { AzuritePort = ports[0], DevHostPort = ports[1], SandboxPort = ports[2] };
    }

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number in {min}..{max}, not '{text}'.");

    private static double Number(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a number in {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}, not '{text}'.");
}
