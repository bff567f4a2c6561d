using System.Diagnostics;
using System.Text.Json;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;

namespace InterviewScheduler.Functions.Tests.Interviews;

/// <summary>
/// How many Graph calls a booking makes, and how long it takes, for panels of 5 to 400 people against the sandbox.
/// The call counts are asserted (they are the design: one read for the best option, no re-check, two events per
/// session (the interviewers' meeting and the candidate's invite), and the debrief's one read and one event); the
/// times are printed, not asserted.
/// </summary>
public sealed class BookingMeasurements(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(200)]
    [InlineData(400)]
    public async Task Booking_the_best_option_reads_free_busy_once_and_makes_two_events_per_session(int people)
    {
        var interviewers = Enumerable.Range(0, people).Select(i => $"measure{i:D3}@contoso.com").ToArray();
        await using var app = await TestApp.StartAsync(tenant: tenant =>
        {
            foreach (var address in interviewers)
            {
                tenant.AddUser(SandboxUser.Create(address, address, "Europe/London", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/London")));
            }
        });
        var applicationId = await BookingTests.ApplyAsync(app);
        // Sessions hold at most 100 interviewers: larger panels are loops of 100-person sessions.
        var sessions = interviewers.Chunk(100).Select((chunk, i) => new { title = $"Panel {i + 1}", durationMinutes = 45, interviewers = chunk.Select(e => new { email = e }) }).ToArray();
        var body = JsonSerializer.Serialize(new { sessions });
        app.Sandbox.Tenant.ClearRequestLog();

        var clock = Stopwatch.StartNew();
        var result = await BookingTests.BookAsync(app, applicationId, body);
        clock.Stop();

        Assert.Equal(201, FunctionRequests.StatusOf(result));
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)result).Value);
        var calls = app.Sandbox.Tenant.RequestLog.Where(r => !r.InBatch).ToList();
        var reads = calls.Count(r => r.Path.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase) || r.Path.EndsWith("/getSchedule", StringComparison.OrdinalIgnoreCase));
        var events = calls.Count(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"{people} interviewers in {sessions.Length} session(s): {calls.Count} Graph HTTP calls ({reads} free/busy reads, {events} events created), booked in {clock.ElapsedMilliseconds} ms");

        // The best option's read (no re-check: it was read just now) and the debrief's placement, each for the panel
        // and the recruiter (a batch holds 400).
        Assert.Equal(2 * (int)Math.Ceiling((people + 1) / 400.0), reads);
        // Each session is the interviewers' meeting and the candidate's own invite; then the debrief.
        Assert.Equal((2 * sessions.Length) + 1, events);
        Assert.Equal(reads + events, calls.Count);
        Assert.NotNull(answer.Debrief);
    }
}
