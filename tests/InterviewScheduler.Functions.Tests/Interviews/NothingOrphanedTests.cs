using System.Text.Json;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.Interviews;

/// <summary>
/// A booking that fails, stops or races another leaves the calendars with exactly one set of events: the failed one
/// withdraws what it made, a resumed one keeps what it made, a takeover withdraws the abandoned plan's events.
/// Faults are injected into the sandbox's Graph routes; the function class runs as the host runs it.
/// </summary>
public sealed class NothingOrphanedTests
{
    private const string London = "lead.engineer@contoso.com";
    private const string Berlin = "security.engineer@contoso.com";
    private const string Candidate = "ada@example.org";

    /// <summary>A loop of two sessions: its first write is two meetings and the debrief, its second two invites.</summary>
    private static readonly string Loop = JsonSerializer.Serialize(new
    {
        sessions = new object[]
        {
            new { title = "Coding", durationMinutes = 60, interviewers = new[] { new { email = London } } },
            new { title = "System design", durationMinutes = 45, interviewers = new[] { new { email = Berlin } } },
        },
    });

    [Fact]
    public async Task A_loop_whose_second_create_fails_leaves_nothing_and_books_on_retry()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        // The first meeting is made; every create after it fails, through the batch's own retries.
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/events", Method = "POST", Kind = FaultKind.Unavailable, RetryAfterSeconds = 0, Skip = 1, Count = 50 });

        var failure = await Assert.ThrowsAsync<GraphCalendarException>(() => BookAsync(app, applicationId, "loop-1"));

        Assert.Equal(503, failure.StatusCode);
        Assert.Empty(LiveBookingEvents(app));
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Empty((await IntakeTests.GetAsync(app, applicationId)).Interviews);

        app.Sandbox.Tenant.ClearFaults();
        var retried = await BookAsync(app, applicationId, "loop-1");

        Assert.Equal(201, FunctionRequests.StatusOf(retried));
        AssertOneSet(app, Assert.IsType<BookingAnswer>(((ObjectResult)retried).Value));
    }

    [Fact]
    public async Task A_booking_that_stopped_part_way_is_resumed_by_the_same_key_and_keeps_the_events_it_made()
    {
        var clock = TestClock.Default();
        await using var app = await TestApp.StartAsync(clock: clock);
        var applicationId = await BookingTests.ApplyAsync(app);
        var made = await StopAfterFirstWriteAsync(app, applicationId, "resume-1");

        // Within the claim's life the same key is busy, never a second writer.
        Assert.Equal(409, FunctionRequests.StatusOf(await BookAsync(app, applicationId, "resume-1")));

        clock.Advance(InterviewBooking.AbandonedAfter);
        var resumed = await BookAsync(app, applicationId, "resume-1");

        Assert.Equal(201, FunctionRequests.StatusOf(resumed));
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)resumed).Value);
        AssertOneSet(app, answer);
        // The meetings made before the stop are the ones booked: nobody got a second invitation.
        Assert.Equal(made.Order(), answer.Interviews.Select(i => i.EventId).Order());
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booking_that_takes_over_an_abandoned_claim_withdraws_its_events_and_leaves_one_set()
    {
        var clock = TestClock.Default();
        await using var app = await TestApp.StartAsync(clock: clock);
        var applicationId = await BookingTests.ApplyAsync(app);
        var abandoned = await StopAfterFirstWriteAsync(app, applicationId, "first-try");

        clock.Advance(InterviewBooking.AbandonedAfter);
        var takeover = await BookAsync(app, applicationId, "second-try");

        Assert.Equal(201, FunctionRequests.StatusOf(takeover));
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)takeover).Value);
        AssertOneSet(app, answer);
        Assert.Empty(answer.Interviews.Select(i => i.EventId).Intersect(abandoned));
        Assert.All(abandoned, id => Assert.Null(app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, id)));
    }

    [Fact]
    public async Task The_same_key_twice_at_once_books_one_set_and_never_answers_500()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);

        var results = await Task.WhenAll(BookAsync(app, applicationId, "twice"), BookAsync(app, applicationId, "twice"));

        // One books; the other either saw it under way (409) or finished (the same answer).
        Assert.All(results, r => Assert.Contains(FunctionRequests.StatusOf(r), new[] { 201, 409 }));
        var booked = results.Where(r => FunctionRequests.StatusOf(r) == 201).Select(r => Assert.IsType<BookingAnswer>(((ObjectResult)r).Value)).ToList();
        Assert.NotEmpty(booked);
        AssertOneSet(app, booked[0]);
        var again = Assert.IsType<BookingAnswer>(((ObjectResult)await BookAsync(app, applicationId, "twice")).Value);
        Assert.Equal(booked[0].Interviews.Select(i => i.EventId), again.Interviews.Select(i => i.EventId));
    }

    /// <summary>
    /// Runs a booking that makes its meetings and the debrief, then cannot make the invites and cannot withdraw
    /// (Graph unreachable for it), as a booking that crashed there would leave things; returns the meetings' ids.
    /// </summary>
    private static async Task<IReadOnlyList<string>> StopAfterFirstWriteAsync(TestApp app, string applicationId, string key)
    {
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/events", Method = "POST", Kind = FaultKind.Unavailable, RetryAfterSeconds = 0, Skip = 3, Count = 50 });
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/events", Method = "GET", Kind = FaultKind.Unavailable, RetryAfterSeconds = 0, Count = 50 });

        await Assert.ThrowsAsync<GraphCalendarException>(() => BookAsync(app, applicationId, key));

        app.Sandbox.Tenant.ClearFaults();
        var meetings = LiveBookingEvents(app).Where(e => e.Subject.StartsWith("Interview:", StringComparison.Ordinal)).Select(e => e.Id).ToList();
        Assert.Equal(2, meetings.Count);
        Assert.Single(LiveBookingEvents(app), e => e.Subject.StartsWith("Debrief:", StringComparison.Ordinal));
        Assert.DoesNotContain(LiveBookingEvents(app), IsCandidateInvite);
        return meetings;
    }

    /// <summary>Exactly the answer's interviews, one candidate invite each, and one debrief, live in the organizer's calendar.</summary>
    private static void AssertOneSet(TestApp app, BookingAnswer answer)
    {
        var live = LiveBookingEvents(app);
        Assert.Equal(answer.Interviews.Select(i => i.EventId).Order(), live.Where(e => e.Subject.StartsWith("Interview:", StringComparison.Ordinal)).Select(e => e.Id).Order());
        Assert.Equal(answer.Interviews.Count, live.Count(IsCandidateInvite));
        Assert.Equal(answer.Debrief?.EventId, Assert.Single(live, e => e.Subject.StartsWith("Debrief:", StringComparison.Ordinal)).Id);
        Assert.Equal(answer.Interviews.Count * 2 + 1, live.Count);
    }

    private static bool IsCandidateInvite(SandboxEvent e) => e.Attendees.Any(a => a.Address == Candidate);

    /// <summary>The organizer's events a booking makes (meetings, candidate invites, debriefs) that are not cancelled.</summary>
    private static List<SandboxEvent> LiveBookingEvents(TestApp app) =>
        [.. app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox).Where(e => !e.IsCancelled && e.TransactionId is not null)];

    private static Task<IActionResult> BookAsync(TestApp app, string applicationId, string key) =>
        app.Function<BookInterviewsFunction>().Run(
            FunctionRequests.Json(Loop, headers: new Dictionary<string, string> { [BookInterviewsFunction.IdempotencyHeader] = key }),
            applicationId,
            CancellationToken.None);
}
