using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// One application of a flow run: its own candidate address (how its acknowledgment is found) and name (how its
/// debrief is found), sent to the generic route or as a Greenhouse delivery.
/// </summary>
internal sealed record FlowApplication(int Index, string ExternalId, string Email, string CandidateName, bool ViaGreenhouse, byte[] Body, string? Signature);

/// <summary>One POST of a flow run (a re-send repeats an application's exact body), with the burst it belongs to.</summary>
internal sealed record FlowPost(int Sequence, int Burst, FlowApplication Application, bool IsResend);

/// <summary>The applications of a run and the order their posts go out in: bursts, re-sends shortly after their first post.</summary>
internal static class FlowApplications
{
    public static string EmailPrefix(string runId) => $"flow-{runId}-";

    public static IReadOnlyList<FlowApplication> Create(string runId, FlowOptions options, string greenhouseSecret)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        return [.. Enumerable.Range(0, options.Applications).Select(i => Application(runId, i, random.NextDouble() < options.Greenhouse, greenhouseSecret))];
    }

    public static IReadOnlyList<FlowPost> Posts(IReadOnlyList<FlowApplication> applications, FlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed + 1);
        var order = applications.Select(a => (Position: (double)a.Index, Application: a, IsResend: false)).ToList();
        var window = Math.Max(1, (int)options.BurstRate);
        for (var r = 0; r < options.Resends; r++)
        {
            var original = applications[random.Next(applications.Count)];
            order.Add((Math.Min(original.Index + 0.5 + random.Next(window), applications.Count - 0.5), original, true));
        }

        var perBurst = (int)Math.Ceiling(applications.Count / (double)options.Bursts);
        return [.. order.OrderBy(o => o.Position).Select((o, sequence) => new FlowPost(sequence, Math.Min(options.Bursts - 1, (int)o.Position / perBurst), o.Application, o.IsResend))];
    }

    private static FlowApplication Application(string runId, int index, bool viaGreenhouse, string secret)
    {
        var number = index.ToString("D5", CultureInfo.InvariantCulture);
        var email = $"{EmailPrefix(runId)}{number}@candidates.example";
        var name = $"Flow{runId} Candidate{number}";
        if (!viaGreenhouse)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                candidate = new { name, email, timeZone = "Europe/London" },
                role = new { id = "flow-role-1", title = "Flow Test Engineer" },
                source = "load-test",
                externalId = $"flow-{runId}-{number}",
            });
            return new FlowApplication(index, $"flow-{runId}-{number}", email, name, false, body, null);
        }

        // A new_candidate_application delivery as Greenhouse documents it, trimmed to what intake reads.
        var applicationId = 700_000_000 + index;
        var delivery = JsonSerializer.SerializeToUtf8Bytes(new
        {
            action = "new_candidate_application",
            payload = new
            {
                application = new
                {
                    id = applicationId,
                    prospect = false,
                    candidate = new
                    {
                        id = 800_000_000 + index,
                        first_name = $"Flow{runId}",
                        last_name = $"Candidate{number}",
                        email_addresses = new[] { new { value = email, type = "personal" } },
                        recruiter = new { id = 1, email = "talent.recruiter@contoso.com", name = "Jordan Lee" },
                        can_email = true,
                    },
                    jobs = new[] { new { id = 4242, name = "Flow Test Engineer", status = "open" } },
                },
            },
        });
        var signature = "sha256 " + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), delivery));
        return new FlowApplication(index, applicationId.ToString(CultureInfo.InvariantCulture), email, name, true, delivery, signature);
    }
}
