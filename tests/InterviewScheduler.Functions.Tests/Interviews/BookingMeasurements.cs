using System.Diagnostics;
using System.Text.Json;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Xunit.Abstractions;

namespace InterviewScheduler.Functions.Tests.Interviews;

/// <summary>
/// How many Graph HTTP requests a booking makes, and how long it takes, for panels of 5 to 400 people against the
/// sandbox. The counts are asserted (they are the design: one free/busy read for the best option and the debrief,
/// no re-check, then two writes); the times are printed, not asserted.
/// </summary>
public sealed class BookingMeasurements(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(200)]
    [InlineData(400)]
    public async Task Booking_the_best_option_is_one_read_and_two_writes(int people)
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
        var log = app.Sandbox.Tenant.RequestLog;
        var calls = log.Where(r => !r.InBatch).ToList();
        // What was asked, whether alone or as a step of a batch.
        var asked = log.Where(r => r.InBatch || !r.Path.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase)).ToList();
        var reads = asked.Count(r => r.Path.EndsWith("/getSchedule", StringComparison.OrdinalIgnoreCase));
        var events = asked.Count(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"{people} interviewers in {sessions.Length} session(s): {calls.Count} Graph HTTP requests ({reads} getSchedule calls, {events} events created), booked in {clock.ElapsedMilliseconds} ms");

        // One read of the panel and the recruiter (a batch holds 400 people), one write of the meetings and the
        // debrief, one write of the candidate's invites (they carry the meetings' join links).
        var readRequests = (int)Math.Ceiling((people + 1) / 400.0);
        Assert.Equal(readRequests + 2, calls.Count);
        Assert.Equal((2 * sessions.Length) + 1, events);
        Assert.Equal(asked.Count, reads + events);
        Assert.NotNull(answer.Debrief);
    }
}
