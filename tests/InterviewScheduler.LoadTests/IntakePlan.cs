using System.Globalization;
using System.Text.Json;

namespace InterviewScheduler.LoadTests;

/// <summary>
/// One distinct application of a run: its own externalId and its own candidate email address, which is how its
/// acknowledgment is recognised in the sandbox's sent mail.
/// </summary>
internal sealed record PlannedApplication(int Index, string ExternalId, string Email, byte[] Body);

/// <summary>One POST of a run, in sending order; a re-send repeats an earlier application's exact body.</summary>
internal sealed record PlannedPost(int Sequence, PlannedApplication Application, bool IsResend);

/// <summary>
/// The posts of a run in the order they go out: every application once, and the re-sends placed shortly after
/// their first post (0 to about one second of posts later), so some arrive while the first is still in flight.
/// </summary>
internal sealed class IntakePlan
{
    public const string Source = "load-test";

    private IntakePlan(string runId, IReadOnlyList<PlannedApplication> applications, IReadOnlyList<PlannedPost> posts)
    {
        RunId = runId;
        Applications = applications;
        Posts = posts;
    }

    /// <summary>Short id that makes this run's externalIds and emails unique among runs against the same DevHost.</summary>
    public string RunId { get; }

    public IReadOnlyList<PlannedApplication> Applications { get; }

    public IReadOnlyList<PlannedPost> Posts { get; }

    /// <summary>The email address prefix shared by this run's candidates (and nobody else's).</summary>
    public static string EmailPrefix(string runId) => $"load-{runId}-";

    public static IntakePlan Create(string runId, int count, int resends, double rate, int seed)
    {
        var applications = Enumerable.Range(0, count).Select(i => Application(runId, i)).ToList();
        var random = new Random(seed);
        var window = Math.Max(1, (int)Math.Ceiling(rate));

        // Each re-send gets a fractional position just after its original; sorting interleaves them.
        var order = applications.Select(a => (Position: (double)a.Index, Application: a, IsResend: false)).ToList();
        for (var r = 0; r < resends; r++)
        {
            var original = applications[random.Next(count)];
            order.Add((original.Index + 0.5 + random.Next(window), original, true));
        }

        var posts = order.OrderBy(o => o.Position).Select((o, sequence) => new PlannedPost(sequence, o.Application, o.IsResend)).ToList();
        return new IntakePlan(runId, applications, posts);
    }

    /// <summary>Applications for the warm-up: same shape, their own prefix, never counted.</summary>
    public static IReadOnlyList<PlannedApplication> Warmup(string runId, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Application(runId + "w", i))];

    private static PlannedApplication Application(string runId, int index)
    {
        var number = index.ToString("D5", CultureInfo.InvariantCulture);
        var email = $"{EmailPrefix(runId)}{number}@candidates.example";
        var externalId = $"load-{runId}-{number}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            candidate = new { name = $"Load Candidate {number}", email, timeZone = "Europe/London" },
            role = new { id = "load-role-1", title = "Load Test Engineer" },
            source = Source,
            externalId,
        });
        return new PlannedApplication(index, externalId, email, body);
    }
}
