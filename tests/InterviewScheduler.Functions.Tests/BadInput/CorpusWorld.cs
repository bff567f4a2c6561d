using Azure.Data.Tables;
using Azure.Storage.Queues;
using CsCheck;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.SelfScheduling;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>
/// One app on Azurite and the sandbox tenant for the whole corpus, with what the routes need to get past their first
/// checks: an application, a self-scheduling offer and its link, Greenhouse's secret. Every bad input is followed by a
/// look at everything the app could have changed: the rows and their values in every table under the app's own prefix, the
/// messages of its queues, and in the tenant the mail sent, every event and every write request.
/// </summary>
public sealed class CorpusWorld : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["SelfScheduling:SigningKey"] = "corpus-signing-key-of-thirty-two-characters",
        ["SelfScheduling:PublicBaseUrl"] = "https://interviews.contoso.com",
        ["Intake:Greenhouse:SecretKey"] = GreenhouseTests.SecretKey,
    };

    /// <summary>The panel offered to the candidate, and the valid body of the panel routes.</summary>
    public const string Panel = """{"sessions":[{"title":"Technical panel","durationMinutes":45,"minimumOptional":0,"interviewers":[{"email":"lead.engineer@contoso.com","optional":false}]}],"maxOptions":5}""";

    /// <summary>Multiplies every route's number of cases for a deeper run on a developer's machine; CI runs the fixed counts.</summary>
    public const string ScaleVariable = "INTERVIEWSCHEDULER_BADINPUT_SCALE";

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), out var scale) && scale > 1 ? scale : 1;

    private WorldState? _baseline;

    public TestApp App { get; private set; } = null!;

    /// <summary>An application that exists, so that its routes read the body rather than answer 404.</summary>
    public string ApplicationId { get; private set; } = "";

    /// <summary>An open self-scheduling link's token, so that the candidate's routes read their input rather than answer 403.</summary>
    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(Settings);
        (ApplicationId, Token) = await SelfSchedulingTests.OfferedAsync(App, Panel);
        _baseline = await StateAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>
    /// Runs <paramref name="cases"/> inputs from <paramref name="gen"/> through <paramref name="call"/> one at a time and
    /// checks each with <paramref name="check"/> and for changes; a failure shows the input CsCheck shrank it to.
    /// </summary>
    internal async Task RunAsync<T>(ITestOutputHelper output, string route, Gen<T> gen, int cases, Func<T, Task<IActionResult>> call, Action<T, IActionResult>? check = null)
    {
        cases *= Scale;
        // One input at a time, whatever CsCheck schedules: a change must be traced to the input that made it.
        using var one = new SemaphoreSlim(1);
        await gen.SampleAsync(
            async input =>
            {
                await one.WaitAsync();
                try
                {
                    await CheckAsync(() => call(input), result => (check ?? ((_, r) => AssertProblem(r)))(input, result));
                }
                finally
                {
                    one.Release();
                }
            },
            iter: cases,
            threads: 1,
            print: input => input?.ToString() ?? "null");
        output.WriteLine($"Bad input corpus: {route}: {cases} cases");
    }

    /// <summary>Calls, checks the answer with <paramref name="check"/>, and fails when anything changed (that failure first).</summary>
    internal async Task CheckAsync(Func<Task<IActionResult>> call, Action<IActionResult> check)
    {
        Exception? failure = null;
        try
        {
            check(await call());
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        var changed = await ChangesAsync();
        if (changed is not null) throw new XunitException(changed + (failure is null ? "" : " Also: " + failure.GetType().Name + ": " + failure.Message));
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>A 4xx problem+json; a 400 names at least one field.</summary>
    internal static void AssertProblem(IActionResult result)
    {
        var status = result switch
        {
            ObjectResult { StatusCode: { } code } => code,
            Microsoft.AspNetCore.Mvc.Infrastructure.IStatusCodeActionResult { StatusCode: { } code } => code,
            _ => 0,
        };
        var answer = Describe(result);
        if (status is < 400 or > 499) throw new XunitException($"Expected a 4xx problem, got {answer}");
        if (result is not ObjectResult { Value: ProblemDetails problem } objectResult || !objectResult.ContentTypes.Contains("application/problem+json"))
        {
            throw new XunitException($"Expected application/problem+json, got {answer}");
        }

        if (problem.Status != status) throw new XunitException($"The problem's status differs from the answer's: {answer}");
        if (status == 400 && (problem is not ValidationProblemDetails { Errors.Count: > 0 } validation || validation.Errors.Keys.Any(string.IsNullOrWhiteSpace)))
        {
            throw new XunitException($"A 400 must name the field: {answer}");
        }
    }

    internal static string Describe(IActionResult result) => result switch
    {
        ObjectResult { Value: ValidationProblemDetails v } o => $"{o.StatusCode} [{string.Join(", ", o.ContentTypes)}] {v.Title} fields: {string.Join(", ", v.Errors.Keys.Select(k => $"'{k}'"))}",
        ObjectResult { Value: ProblemDetails p } o => $"{o.StatusCode} [{string.Join(", ", o.ContentTypes)}] {p.Title}",
        ObjectResult o => $"{o.StatusCode} {o.Value?.GetType().Name} [{string.Join(", ", o.ContentTypes)}]",
        ContentResult c => $"{c.StatusCode} [{c.ContentType}] {BadJson.Preview(System.Text.Encoding.UTF8.GetBytes(c.Content ?? ""))}",
        _ => result.GetType().Name,
    };

    /// <summary>
    /// What changed since the last look, or null; a change becomes the new baseline, so that later inputs are judged on
    /// their own.
    /// </summary>
    private async Task<string?> ChangesAsync()
    {
        var now = await StateAsync();
        var before = _baseline!;
        if (now.Lines.SequenceEqual(before.Lines)) return null;
        _baseline = now;
        var added = now.Lines.Except(before.Lines).Take(10);
        var removed = before.Lines.Except(now.Lines).Take(10);
        return $"Bad input changed the world. Now: {string.Join("; ", added)}. Before: {string.Join("; ", removed)}";
    }

    private async Task<WorldState> StateAsync()
    {
        var lines = new List<string>();
        var connection = await TestStorage.ConnectionStringAsync();
        var prefix = App.Names.Prefix;
        var tables = new TableServiceClient(connection);
        await foreach (var table in tables.QueryAsync($"TableName ge '{prefix}' and TableName lt '{prefix}~'"))
        {
            // Content, not ETags: a booking claims the application's row before it reads free/busy and gives it back
            // unchanged when an interviewer is unknown; that write leaves nothing stored.
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var values = row.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}");
                lines.Add($"row {table.Name}/{row.PartitionKey}/{row.RowKey} {string.Join(", ", values)}");
            }
        }

        var queues = new QueueServiceClient(connection);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix))
        {
            lines.Add($"queue {queue.Name}: {(await queues.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount} messages");
        }

        var tenant = App.Sandbox.Tenant;
        lines.Add($"sent mail: {tenant.SentMail().Count}");
        lines.AddRange(tenant.AllEvents().Select(e => $"event {e.Mailbox}/{e.Id} {e.ChangeKey}"));
        var writes = tenant.RequestLog.Count(r => r.Method is not "GET" && !r.Path.Contains("getSchedule", StringComparison.OrdinalIgnoreCase) && !r.Path.Contains("$batch", StringComparison.Ordinal));
        lines.Add($"Graph writes: {writes}");
        return new WorldState(lines);
    }

    private sealed record WorldState(IReadOnlyList<string> Lines);
}
