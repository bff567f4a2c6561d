using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using InterviewScheduler.Sandbox.Seeding;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>Something the suite did to the system on purpose, and how long the system was without it.</summary>
internal sealed record ChaosEvent(string What, DateTimeOffset At, TimeSpan Downtime);

/// <summary>
/// The whole flow under load and faults: starts Azurite, the sandbox and the DevHost, posts the applications in
/// bursts (the DevHost killed in one, Azurite restarted in another), books panels, moves and cancels interviews in
/// "Outlook", waits for everything to settle, then checks the invariants and prints the report.
/// </summary>
internal sealed class FlowRun(FlowOptions options, HttpClient http, TextWriter output)
{
    private readonly ConcurrentBag<ChaosEvent> _chaos = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        // Full paths: the child processes run in the run's folder.
        var devHostDll = Path.GetFullPath(options.DevHostDll ?? Path.Combine(root, "src", "InterviewScheduler.DevHost", "bin", configuration, "net10.0", "InterviewScheduler.DevHost.dll"));
        var azurite = (options.AzuriteExecutable ?? Environment.GetEnvironmentVariable("AZURITE") ?? FindAzurite(root)) is { } found ? Path.GetFullPath(found) : null;
        if (!File.Exists(devHostDll)) return Refuse($"No DevHost build at {devHostDll}: build src/InterviewScheduler.DevHost ({configuration}) or pass --devhost.");
        if (azurite is null || !File.Exists(azurite)) return Refuse("No Azurite: run `npm ci` at the repository root, or pass --azurite (or set AZURITE).");
        int[] ports = [options.AzuritePort, options.AzuritePort + 1, options.AzuritePort + 2, options.DevHostPort, options.SandboxPort];
        if (ports.FirstOrDefault(OwnedAzurite.IsListening) is var busy and > 0) return Refuse($"Port {busy} is in use: the suite starts its own Azurite, DevHost and sandbox on {string.Join(", ", ports)}.");

        var outDirectory = options.OutDirectory ?? Directory.CreateTempSubdirectory("interview-flow.").FullName;
        Directory.CreateDirectory(outDirectory);
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        // Made for this run only: the DevHost's secrets come from the command line, never from the repository.
        var greenhouseSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var clientState = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        output.WriteLine($"Flow run {runId}{(options.Short ? " (short)" : "")}: {options.Applications} applications in {options.Bursts} bursts at {options.BurstRate}/s, {options.Resends} re-sends, ~{options.Greenhouse:P0} through Greenhouse; {options.Bookings} bookings of {options.MinPanel}-{options.MaxPanel}; {options.Changes} Outlook changes");
        output.WriteLine($"Faults on every Graph route: {options.Throttle:P0} 429/503, {options.Ambiguous:P1} ambiguous (5xx or dropped after taking effect), {options.Spikes:P0} +{options.SpikeMilliseconds} ms; DevHost kill: {(options.KillDevHost ? "yes" : "no")}; Azurite restart: {(options.RestartAzurite ? "yes" : "no")}");
        output.WriteLine($"Logs and storage: {outDirectory}");

        await using var sandbox = await FlowSandbox.StartAsync(options.SandboxPort, options.Seed, cancellationToken);
        await using var storage = new OwnedAzurite(azurite, Path.Combine(outDirectory, "azurite"), options.AzuritePort, Path.Combine(outDirectory, "azurite.log"));
        await storage.StartAsync(cancellationToken);
        var baseUrl = new Uri($"http://127.0.0.1:{options.DevHostPort}");
        var settings = new Dictionary<string, string>
        {
            ["urls"] = baseUrl.ToString().TrimEnd('/'),
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["DevHost:Sandbox"] = "false",
            ["Graph:BaseUrl"] = sandbox.Server.GraphBaseUrl.ToString(),
            ["Graph:Auth"] = "None",
            ["Notifications:PublicUrl"] = new Uri(baseUrl, "/api/notifications/calendar").ToString(),
            ["Notifications:ClientState"] = clientState,
            // Reconciliation (calendar delta) catches what notifications missed while the DevHost was down.
            ["Debrief:ReconcileSchedule"] = "*/20 * * * * *",
            ["Mail:MessagesPerMinute"] = "0",
            ["Mail:SenderMailbox"] = FlowSandbox.SenderPool[0],
            ["Intake:Greenhouse:SecretKey"] = greenhouseSecret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 1; i < FlowSandbox.SenderPool.Count; i++) settings[$"Mail:SenderMailboxes:{i - 1}"] = FlowSandbox.SenderPool[i];
        if (options.FunctionTimeout is { } functionTimeout) settings["AzureFunctionsJobHost:functionTimeout"] = functionTimeout.ToString("c", CultureInfo.InvariantCulture);
        await using var devHost = new OwnedDevHost(devHostDll, baseUrl, settings, Path.Combine(outDirectory, "devhost.log"), http);
        var startup = await devHost.StartAsync(cancellationToken);
        output.WriteLine($"DevHost up in {startup.TotalSeconds:0.0} s");
        await WaitAsync(() => sandbox.Tenant.Subscriptions.Count > 0, TimeSpan.FromSeconds(30), cancellationToken);
        output.WriteLine($"Calendar subscription: {(sandbox.Tenant.Subscriptions.Count > 0 ? "made" : "NOT made within 30 s (reconciliation only)")}");
        foreach (var rule in sandbox.AddFaults(options)) output.WriteLine($"  fault {rule.Kind} rate {rule.Rate:0.####}{(rule.LatencyMilliseconds > 0 ? $" {rule.LatencyMilliseconds} ms" : "")}");

        // 1. Intake in bursts, with the chaos in the middle of it.
        var applications = FlowApplications.Create(runId, options, greenhouseSecret);
        var posts = FlowApplications.Posts(applications, options);
        var killAt = options.KillDevHost && !options.ChaosBetweenBursts ? (int)(posts.Count * 0.4) : -1;
        var restartAt = options.RestartAzurite && !options.ChaosBetweenBursts ? (int)(posts.Count * 0.75) : -1;
        // Between bursts: after the first burst and after the one three quarters in (the last but one at least).
        var killAfter = options.KillDevHost && options.ChaosBetweenBursts ? 0 : -1;
        var restartAfter = options.RestartAzurite && options.ChaosBetweenBursts ? Math.Max(0, Math.Min(options.Bursts - 2, (int)(options.Bursts * 0.75))) : -1;
        var chaos = new List<Task>();
        Task<TimeSpan> RestartStorage() => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            await storage.RestartAsync(cancellationToken);
            return clock.Elapsed;
        });
        var intakeStart = DateTimeOffset.UtcNow;
        output.WriteLine($"Posting {posts.Count} posts ({applications.Count(a => a.ViaGreenhouse)} applications through Greenhouse)...");
        var outcomes = await new FlowIntake(http, baseUrl).RunAsync(posts, options, sequence =>
        {
            if (sequence == killAt) chaos.Add(Chaos("DevHost killed (SIGKILL) mid-burst and restarted", () => devHost.KillAndRestartAsync(cancellationToken)));
            if (sequence == restartAt) chaos.Add(Chaos("Azurite stopped and restarted (persistent storage) mid-burst", RestartStorage));
        }, async burst =>
        {
            // Acknowledgments of the burst are still being sent: the chaos hits the queue, not intake.
            if (burst == killAfter) await Chaos("DevHost killed (SIGKILL) between bursts and restarted", () => devHost.KillAndRestartAsync(cancellationToken));
            if (burst == restartAfter) await Chaos("Azurite stopped and restarted (persistent storage) between bursts", RestartStorage);
        }, cancellationToken);
        await Task.WhenAll(chaos);
        var intakeEnd = DateTimeOffset.UtcNow;
        output.WriteLine($"Posted in {(intakeEnd - intakeStart).TotalSeconds:0} s; {outcomes.Count(o => o.Accepted)}/{outcomes.Count} accepted");

        // 2. Panel bookings for a subset of the accepted applications, spread over the run.
        var accepted = outcomes.Where(o => o.Accepted).GroupBy(o => o.Post.Application.Index).OrderBy(g => g.Key)
            .Select(g => (g.First().Post.Application, ApplicationId: g.First().ApplicationId!)).ToList();
        var step = Math.Max(1, accepted.Count / Math.Max(1, options.Bookings));
        var chosen = accepted.Where((_, i) => i % step == 0).Take(options.Bookings).ToList();
        output.WriteLine($"Booking {chosen.Count} panels...");
        var bookingStart = DateTimeOffset.UtcNow;
        var bookings = await new FlowBookings(http, baseUrl).RunAsync(runId, chosen, sandbox.Interviewers, options, cancellationToken);
        var bookingEnd = DateTimeOffset.UtcNow;
        var booked = bookings.Where(b => b.Booked).ToList();
        output.WriteLine($"Booked {booked.Count}/{bookings.Count} in {(bookingEnd - bookingStart).TotalSeconds:0} s");

        // The booking plans' tags, read while every interview is still there.
        var atBooking = OrganizerCalendar.Read(sandbox.Tenant);
        var tags = new Dictionary<string, FlowBooking>(StringComparer.Ordinal);
        foreach (var booking in booked)
        {
            foreach (var interview in booking.Interviews)
            {
                if (atBooking.Find(interview.EventId) is { } made && OrganizerCalendar.Tag(made) is { } tag) tags[tag] = booking;
            }
        }

        // 3. Moves and cancels in Outlook, two at a time, each followed until the debrief matches the calendar.
        var random = new Random(options.Seed + 3);
        var changeStep = Math.Max(1, booked.Count / Math.Max(1, options.Changes));
        var toChange = booked.Where((_, i) => i % changeStep == 0).Take(options.Changes).ToList();
        var outlook = new OutlookChanges(http, sandbox.Server.GraphBaseUrl, SandboxCompany.OrganizerMailbox);
        var changes = new ConcurrentBag<OutlookChange>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = WatchAsync(changes, sandbox, watching.Token);
        output.WriteLine($"Changing {toChange.Count} interviews in Outlook...");
        var changeStart = DateTimeOffset.UtcNow;
        var plannedChanges = toChange.Select((b, i) =>
        {
            var cancel = i % 3 == 2;
            var interview = cancel ? b.Interviews[random.Next(b.Interviews.Count)] : b.Interviews.MaxBy(x => x.End)!;
            return (Booking: b, Interview: interview, Cancel: cancel);
        }).ToList();
        await Parallel.ForEachAsync(plannedChanges, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (c, token) =>
        {
            changes.Add(c.Cancel ? await outlook.CancelAsync(c.Booking, c.Interview, token) : await outlook.MoveAsync(c.Booking, c.Interview, token));
        });
        output.WriteLine($"Changed {changes.Count(c => c.DoneAt is not null)}/{changes.Count} in {(DateTimeOffset.UtcNow - changeStart).TotalSeconds:0} s");

        // 4. Settle: every acknowledgment sent, every booking consistent, every change followed; then watch a while for extras.
        var emailPrefix = FlowApplications.EmailPrefix(runId);
        var expected = outcomes.Where(o => o.Accepted).Select(o => o.Post.Application.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settleStart = DateTimeOffset.UtcNow;
        var settled = await WaitAsync(() =>
        {
            var mail = SentMail(sandbox, emailPrefix);
            var calendar = OrganizerCalendar.Read(sandbox.Tenant);
            return expected.All(mail.ContainsKey) && booked.All(b => BookingCheck.Of(b, calendar).Consistent) && changes.All(c => c.DoneAt is null || c.FollowedAt is not null);
        }, options.Wait, cancellationToken);
        var settledAfter = DateTimeOffset.UtcNow - settleStart;
        output.WriteLine(settled ? $"Settled {settledAfter.TotalSeconds:0} s after the last change; watching 15 s more for duplicates..." : $"NOT settled within {options.Wait.TotalSeconds:0} s");
        await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
        await watching.CancelAsync();
        await watcher;

        // 5. What the app says, what the sandbox holds, what is left in the poison queues.
        var finalMail = SentMail(sandbox, emailPrefix);
        var finalCalendar = OrganizerCalendar.Read(sandbox.Tenant);
        // Booked applications, and those whose candidate has no email yet: what the app says about them.
        var unacknowledged = outcomes.Where(o => o.Accepted && !finalMail.ContainsKey(o.Post.Application.Email)).Select(o => o.ApplicationId!);
        var views = await new FlowViews(http, baseUrl).ReadAsync(booked.Select(b => b.ApplicationId).Concat(unacknowledged).Distinct(StringComparer.Ordinal), cancellationToken);
        var poison = await PoisonQueues.ReadAsync(storage.ConnectionString, cancellationToken);
        var requests = sandbox.Tenant.RequestLog.Where(r => r.Time >= intakeStart).ToList();

        var report = new FlowReport(options, applications, outcomes, finalMail, bookings, tags, [.. changes], finalCalendar, views, poison, requests, [.. _chaos])
        {
            IntakeSpan = (intakeStart, intakeEnd),
            BookingSpan = (bookingStart, bookingEnd),
            Settled = settled,
        };
        report.Print(output);
        output.WriteLine($"Logs and storage: {outDirectory}");
        return report.Violations > 0 ? 1 : 0;
    }

    private Task Chaos(string what, Func<Task<TimeSpan>> act) => Task.Run(async () =>
    {
        var at = DateTimeOffset.UtcNow;
        var downtime = await act();
        _chaos.Add(new ChaosEvent(what, at, downtime));
        output.WriteLine($"  chaos: {what}: back after {downtime.TotalSeconds:0.0} s");
    });

    /// <summary>Marks each change followed once its booking's events match the calendar again, the debrief changed after it.</summary>
    private static async Task WatchAsync(ConcurrentBag<OutlookChange> changes, FlowSandbox sandbox, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var pending = changes.Where(c => c.DoneAt is not null && c.FollowedAt is null).ToList();
            if (pending.Count > 0)
            {
                var calendar = OrganizerCalendar.Read(sandbox.Tenant);
                var now = DateTimeOffset.UtcNow;
                foreach (var change in pending)
                {
                    var check = BookingCheck.Of(change.Booking, calendar);
                    var debriefFollowed = check.Debrief is null ? check.Interviews.Count == 0 : check.Debrief.LastModified >= change.DoneAt!.Value.AddMilliseconds(-50);
                    if (check.Consistent && debriefFollowed) change.FollowedAt = now;
                }
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Dictionary<string, List<DateTimeOffset>> SentMail(FlowSandbox sandbox, string prefix)
    {
        var sent = new Dictionary<string, List<DateTimeOffset>>(StringComparer.OrdinalIgnoreCase);
        foreach (var message in sandbox.Tenant.SentMail())
        {
            foreach (var recipient in message.AllRecipients.Where(r => r.Address.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                if (!sent.TryGetValue(recipient.Address, out var times)) sent[recipient.Address] = times = [];
                times.Add(message.Sent);
            }
        }

        return sent;
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(500, cancellationToken);
        }

        return true;
    }

    private int Refuse(string why)
    {
        output.WriteLine(why);
        return 2;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InterviewScheduler.sln"))) return directory.FullName;
        }

        return Directory.GetCurrentDirectory();
    }

    private static string? FindAzurite(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
