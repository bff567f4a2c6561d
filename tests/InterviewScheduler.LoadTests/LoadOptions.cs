using System.Globalization;

namespace InterviewScheduler.LoadTests;

/// <summary>
/// What one load run does, from the command line. Every value is bounded so that a typo cannot turn the script
/// into an unbounded flood, and both URLs must be loopback: this talks to a local DevHost only.
/// </summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        InterviewScheduler intake load: posts applications to a running DevHost and measures their acknowledgments.

          --base URL          Functions app (DevHost), loopback only          default http://localhost:7071
          --sandbox URL       sandbox tenant, loopback only                   default http://localhost:7072
          --count N           distinct applications, 1..20000                 default 1000
          --rate R            posts per second, open loop, 0 < R <= 500       default 50
          --duplicates F      re-sent posts (same externalId) as a fraction
                              of --count, 0..1                                default 0.05
          --wait S            seconds after the last post to wait for
                              every email, 1..600                             default 60
          --settle S          seconds to keep watching for extra emails once
                              every application has one, 0..120               default 15
          --warmup N          applications posted and acknowledged before
                              the measured run (not counted), 0..50           default 5
          --mailbox A[,B..]   the sender pool, made in the sandbox if missing default recruiting@contoso.com
          --per-minute N      the pool's pacing per mailbox, for the report;
                              0 = pacing off, 0..1000                         default 30
          --seed N            seed for choosing which posts are re-sent       default 1
          --no-verify         skip reading every application back from the API
          --csv PATH          also write one row per application

        Exit code: 0 all acknowledged exactly once; 1 a loss or a duplicate email; 2 a POST failed; 64 bad arguments.
        """;

    public Uri BaseUrl { get; init; } = new("http://localhost:7071");

    public Uri SandboxUrl { get; init; } = new("http://localhost:7072");

    /// <summary>Distinct applications posted in the measured run.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>Posts per second (first-time posts and re-sends together).</summary>
    public double Rate { get; init; } = 50;

    /// <summary>Re-sent posts as a fraction of <see cref="Count"/>.</summary>
    public double Duplicates { get; init; } = 0.05;

    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(15);

    public int Warmup { get; init; } = 5;

    /// <summary>The sender pool (the DevHost's <c>Mail:SenderMailbox</c> and <c>Mail:SenderMailboxes</c>).</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = ["recruiting@contoso.com"];

    /// <summary>Messages a minute each mailbox is paced to (the DevHost's <c>Mail:MessagesPerMinute</c>); 0 when pacing is off.</summary>
    public int PerMinute { get; init; } = 30;

    public int Seed { get; init; } = 1;

    public bool Verify { get; init; } = true;

    public string? CsvPath { get; init; }

    /// <summary>Number of re-sent posts.</summary>
    public int Resends => (int)Math.Round(Count * Duplicates, MidpointRounding.AwayFromZero);

    /// <exception cref="ArgumentException">An unknown option, a missing value or a value out of bounds.</exception>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--base" => options with { BaseUrl = Loopback(name, Value()) },
                "--sandbox" => options with { SandboxUrl = Loopback(name, Value()) },
                "--count" => options with { Count = Int(name, Value(), 1, 20_000) },
                "--rate" => options with { Rate = Number(name, Value(), double.Epsilon, 500) },
                "--duplicates" => options with { Duplicates = Number(name, Value(), 0, 1) },
                "--wait" => options with { Wait = TimeSpan.FromSeconds(Number(name, Value(), 1, 600)) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(Number(name, Value(), 0, 120)) },
                "--warmup" => options with { Warmup = Int(name, Value(), 0, 50) },
                "--mailbox" => options with { Mailboxes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--per-minute" => options with { PerMinute = Int(name, Value(), 0, 1000) },
                "--seed" => options with { Seed = Int(name, Value(), int.MinValue, int.MaxValue) },
                "--no-verify" => options with { Verify = false },
                "--csv" => options with { CsvPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static Uri Loopback(string name, string text)
    {
        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{name} must be an http(s) URL, not '{text}'.");
        }

        if (!uri.IsLoopback) throw new ArgumentException($"{name} must be a loopback address (localhost, 127.0.0.1, [::1]): this script only loads a local DevHost.");
        return uri;
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
