using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>
/// The sandbox tenant the flow runs against, hosted in this process so that it outlives the DevHost the suite
/// kills: the seeded company, a pool of extra interviewers for panels of up to 50, and the fault rules.
/// </summary>
internal sealed class FlowSandbox : IAsyncDisposable
{
    /// <summary>The tag property the app puts on every event of a booking plan (GraphCalendarBooker.TagPropertyId).</summary>
    public const string TagPropertyName = "InterviewSchedulerBookingPlan";

    /// <summary>Extra interviewers, all in London, 08:00-18:00 on weekdays, so that big panels find common time.</summary>
    public const int ExtraInterviewers = 145;

    /// <summary>
    /// The acknowledgments' sender pool (Mail:SenderMailbox, Mail:SenderMailboxes): Outlook allows 4 requests in flight
    /// per mailbox, so one mailbox caps sending at what 4 requests at a time (latency spikes included) can do.
    /// </summary>
    public static readonly IReadOnlyList<string> SenderPool = [SandboxCompany.RecruitingMailbox, "careers@contoso.com", "jobs@contoso.com", "talent@contoso.com"];

    private FlowSandbox(SandboxServer server, IReadOnlyList<string> interviewers)
    {
        Server = server;
        Interviewers = interviewers;
    }

    public SandboxServer Server { get; }

    public SandboxTenant Tenant => Server.Tenant;

    /// <summary>The people panels are drawn from: the seeded European interviewers and the extra ones.</summary>
    public IReadOnlyList<string> Interviewers { get; }

    public static async Task<FlowSandbox> StartAsync(int port, int seed, CancellationToken cancellationToken)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = $"http://127.0.0.1:{port}", Seed = seed }, cancellationToken);
        // Exchange's sending limits (30 a minute a mailbox) would make 5,000 acknowledgments take hours from one
        // mailbox; throttling is what the fault rules inject instead. The 4-requests-a-mailbox limit stays.
        server.Tenant.EnforceExchangeLimits = false;
        foreach (var mailbox in SenderPool.Skip(1))
        {
            server.Tenant.AddUser(SandboxUser.Create(mailbox, "Contoso Recruiting", "Europe/London", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/London"), "Shared mailbox"));
        }

        var seededEuropeans = SandboxCompany.Interviewers
            .Where(i => i.TimeZone is "Europe/London" or "GMT Standard Time" or "W. Europe Standard Time" or "Europe/Berlin")
            .Select(i => i.Address);
        var extra = new List<string>();
        for (var i = 1; i <= ExtraInterviewers; i++)
        {
            var address = $"panel.{i:D3}@{SandboxCompany.Domain}";
            server.Tenant.AddUser(SandboxUser.Create(address, $"Panel Interviewer {i:D3}", "Europe/London",
                WorkingHours.Weekdays(new TimeOnly(8, 0), new TimeOnly(18, 0), "Europe/London"), "Engineer"));
            extra.Add(address);
        }

        return new FlowSandbox(server, [.. seededEuropeans, .. extra]);
    }

    /// <summary>
    /// Faults on every Graph route, drawn per request: a latency spike, then at most one failure. The rates given
    /// are the shares of all requests; each rule's own rate is conditional on the earlier failure rules not firing.
    /// </summary>
    public IReadOnlyList<FaultRule> AddFaults(FlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new List<FaultRule>();
        if (options.Spikes > 0 && options.SpikeMilliseconds > 0)
        {
            rules.Add(Tenant.AddFault(new FaultRule { PathPattern = "*", Kind = FaultKind.Latency, LatencyMilliseconds = options.SpikeMilliseconds, Rate = options.Spikes }));
        }

        var left = 1.0;
        void Add(FaultKind kind, double share, int holdMilliseconds = 0)
        {
            if (share <= 0) return;
            rules.Add(Tenant.AddFault(new FaultRule
            {
                PathPattern = "*",
                Kind = kind,
                Rate = Math.Min(1, share / left),
                RetryAfterSeconds = kind is FaultKind.Throttle or FaultKind.Unavailable ? 1 : null,
                LatencyMilliseconds = holdMilliseconds,
                AmbiguousStatus = 504,
            }));
            left -= share;
        }

        Add(FaultKind.Throttle, options.Throttle / 2);
        Add(FaultKind.Unavailable, options.Throttle / 2);
        Add(FaultKind.AmbiguousError, options.Ambiguous * 2 / 3);
        // Held 2 s, then the connection is dropped: the client sees no answer at all.
        Add(FaultKind.AmbiguousTimeout, options.Ambiguous / 3, 2000);
        return rules;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
