using System.Diagnostics;
using System.Globalization;
using System.Net;
using InterviewScheduler.LoadTests;
using InterviewScheduler.LoadTests.Flow;

// The intake load script of the issue "Acknowledge every application within seconds, exactly once":
// posts applications open-loop to a running DevHost and reports throughput, POST -> sendMail latency,
// duplicates and losses. `flow` runs the whole-flow load and fault suite instead. See README.md next to this file.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args is ["flow", .. var flowArgs])
{
    return await FlowCommand.RunAsync(flowArgs);
}

LoadOptions options;
try
{
    if (args is ["--help" or "-h"])
    {
        Console.WriteLine(LoadOptions.Usage);
        return 0;
    }

    options = LoadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 64;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var handler = new SocketsHttpHandler
{
    UseProxy = false,
    UseCookies = false,
    // The sign-in answers 303 with the session cookie: following it would lose the cookie.
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    ConnectTimeout = TimeSpan.FromSeconds(10),
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

if (!await ReachableAsync(new Uri(options.BaseUrl, "/api/health")) || !await ReachableAsync(new Uri(options.SandboxUrl, "/sandbox/users")))
{
    return 2;
}

var runId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
var load = new IntakeLoad(http, options.BaseUrl);
var sandbox = new SandboxObserver(http, options.SandboxUrl, options.Mailboxes);
await sandbox.EnsureMailboxesAsync(stop.Token);
Console.WriteLine($"Run {runId}: {options.Count} applications, {options.Resends} re-sends, {options.Rate}/s, against {options.BaseUrl} (sandbox {options.SandboxUrl}, pool {string.Join(", ", options.Mailboxes)})");

// Warm-up: first requests pay for JIT, connection set-up and table creation; the measured run should not.
if (options.Warmup > 0)
{
    var warmup = IntakePlan.Warmup(runId, options.Warmup);
    foreach (var application in warmup)
    {
        var outcome = await load.PostOnceAsync(application, stop.Token);
        if (!outcome.Accepted)
        {
            Console.Error.WriteLine($"Warm-up post failed: {outcome.Status} {outcome.Error}");
            return 2;
        }
    }

    var warmed = await WaitForMailAsync(IntakePlan.EmailPrefix(runId + "w"), options.Warmup, TimeSpan.FromSeconds(30));
    Console.WriteLine($"Warm-up: {options.Warmup} applications, {warmed} acknowledged");
    await Task.Delay(TimeSpan.FromSeconds(2), stop.Token);
}

var plan = IntakePlan.Create(runId, options.Count, options.Resends, options.Rate, options.Seed);
var runStart = DateTimeOffset.UtcNow;
Console.WriteLine($"Posting {plan.Posts.Count} posts...");
var posts = await load.RunAsync(plan.Posts, options.Rate, stop.Token);
var lastPost = posts.Max(p => p.SentAt);
Console.WriteLine($"Posted; waiting up to {options.Wait.TotalSeconds:0} s after the last post for the emails...");

// Wait (bounded) until every accepted application has its email, then keep watching a while for a second one.
var expected = posts.Where(p => p.Accepted).Select(p => p.Post.Application.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
var emailPrefix = IntakePlan.EmailPrefix(runId);
var mail = new Dictionary<string, List<DateTimeOffset>>();
TimeSpan? allAcknowledgedAfter = null;
while (DateTimeOffset.UtcNow < lastPost + options.Wait)
{
    mail = await sandbox.SentMailAsync(emailPrefix, stop.Token);
    if (expected.All(mail.ContainsKey))
    {
        allAcknowledgedAfter = mail.Values.SelectMany(t => t).Max() - lastPost;
        break;
    }

    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
}

if (allAcknowledgedAfter is not null && options.Settle > TimeSpan.Zero)
{
    Console.WriteLine($"All acknowledged; watching {options.Settle.TotalSeconds:0} s more for duplicate emails...");
    await Task.Delay(options.Settle, stop.Token);
}

mail = await sandbox.SentMailAsync(emailPrefix, stop.Token);
var requests = await sandbox.RequestsAsync(runStart, stop.Token);
IReadOnlyDictionary<string, ApplicationState?>? states = null;
if (options.Verify)
{
    var ids = posts.Where(p => p.Accepted).Select(p => p.ApplicationId!).Distinct(StringComparer.Ordinal);
    var cookie = await RecruiterSignIn.CookieAsync(http, options.BaseUrl, stop.Token);
    states = await new ApplicationReader(http, options.BaseUrl, cookie).ReadAsync(ids, stop.Token);
}

var report = new LoadReport(options, plan, posts, mail, requests, states, allAcknowledgedAfter);
report.Print(Console.Out);
if (options.CsvPath is { } csv)
{
    report.WriteCsv(csv);
    Console.WriteLine($"Per-application rows: {csv}");
}

return report.ExitCode;

async Task<bool> ReachableAsync(Uri url)
{
    try
    {
        using var response = await http.GetAsync(url, stop.Token);
        if (response.IsSuccessStatusCode) return true;
        Console.Error.WriteLine($"{url} answered {(int)response.StatusCode}.");
    }
    catch (HttpRequestException exception)
    {
        Console.Error.WriteLine($"{url} is not reachable: {exception.Message}");
    }

    return false;
}

async Task<int> WaitForMailAsync(string prefix, int count, TimeSpan timeout)
{
    var clock = Stopwatch.StartNew();
    var seen = 0;
    while (clock.Elapsed < timeout)
    {
        seen = (await sandbox.SentMailAsync(prefix, stop.Token)).Count;
        if (seen >= count) break;
        await Task.Delay(250, stop.Token);
    }

    return seen;
}
