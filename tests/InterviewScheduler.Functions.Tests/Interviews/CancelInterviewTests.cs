using System.Text.Json;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Interviews;

/// <summary>
/// A recruiter cancels a booked interview (<c>DELETE /api/applications/{id}/interviews/{interviewId}</c>), through the
/// function class, Azurite and the sandbox tenant: the interviewers' meeting and the candidate's invite are cancelled
/// and the debrief follows, as when the meeting is cancelled in Outlook; a repeat sends nothing.
/// </summary>
public sealed class CancelInterviewTests
{
    // People with empty calendars, so that where the debrief lands depends on the test alone.
    private const string London = "cancel.london@contoso.com";
    private const string Berlin = "cancel.berlin@contoso.com";
    private const string Later = "cancel.later@contoso.com";
    private const string Recruiter = "cancel.recruiter@contoso.com";
    private const string Candidate = "ada@example.org";

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(
        new Dictionary<string, string?> { ["Debrief:RecruiterMailbox"] = Recruiter },
        clock: new FakeTimeProvider(TestClock.DefaultStart),
        tenant: tenant =>
        {
            foreach (var (address, zone) in new[] { (London, "Europe/London"), (Berlin, "Europe/Berlin"), (Later, "Europe/London"), (Recruiter, "Europe/London") })
            {
                tenant.AddUser(SandboxUser.Create(address, address, zone, WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), zone)));
            }
        });

    private static string Panel(string title, object? window, params string[] interviewers) => JsonSerializer.Serialize(new
    {
        sessions = new[] { new { title, durationMinutes = 45, interviewers = interviewers.Select(e => new { email = e }) } },
        window,
    });

    [Fact]
    public async Task Cancelling_the_later_of_two_interviews_cancels_its_meeting_and_invite_and_brings_the_debrief_back_after_the_first()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var first = Booked(await BookingTests.BookAsync(app, applicationId, Panel("Technical panel", null, London, Berlin))).Interviews.Single();
        var second = Booked(await BookingTests.BookAsync(app, applicationId, Panel("Hiring manager", new { start = first.End.AddDays(1), end = first.End.AddDays(8) }, Later))).Interviews.Single();
        Assert.Equal(second.End, (await IntakeTests.GetAsync(app, applicationId)).Debrief!.Start);
        var secondInvite = Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Start == second.Start && e.Attendees.Any(a => a.Address == Candidate));
        app.Sandbox.Tenant.ClearRequestLog();

        var result = await CancelAsync(app, applicationId, second.InterviewId);

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        var answer = Assert.IsType<CancelAnswer>(((ObjectResult)result).Value);
        Assert.Equal((second.InterviewId, "cancelled"), (answer.Interview.InterviewId, answer.Interview.Status));
        Assert.Equal(("scheduled", first.End), (answer.Debrief!.Status, answer.Debrief.Start));
        Assert.DoesNotContain(Later, answer.Debrief.Attendees);

        // Cancelled once each (Outlook tells the attendees), and gone from the organizer's calendar; the first stays.
        var cancels = app.Sandbox.Tenant.RequestLog.Where(r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, cancels.Count);
        Assert.Single(cancels, r => r.Path.Contains(second.EventId, StringComparison.Ordinal));
        Assert.Single(cancels, r => r.Path.Contains(secondInvite.Id, StringComparison.Ordinal));
        var organizer = app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox);
        Assert.DoesNotContain(organizer, e => (e.Id == second.EventId || e.Id == secondInvite.Id) && !e.IsCancelled);
        Assert.False(Assert.Single(organizer, e => e.Start == first.Start && e.Attendees.Any(a => a.Address == Candidate)).IsCancelled);
        Assert.False(Assert.Single(organizer, e => e.Id == first.EventId).IsCancelled);
        var debrief = Assert.Single(organizer, e => e.Subject.StartsWith("Debrief:", StringComparison.Ordinal));
        Assert.Equal((first.End, false), (debrief.Start, debrief.IsCancelled));

        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal(["scheduled", "cancelled"], view.Interviews.Select(i => i.Status));
        Assert.Equal(first.End, view.Debrief!.Start);
    }

    [Fact]
    public async Task Cancelling_the_only_interview_cancels_the_debrief_and_a_repeat_answers_the_same_and_sends_nothing()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var booked = Booked(await BookingTests.BookAsync(app, applicationId, Panel("Technical panel", null, London, Berlin)));
        var interview = booked.Interviews.Single();

        app.Sandbox.Tenant.ClearRequestLog();
        var first = await CancelAsync(app, applicationId, interview.InterviewId);
        // The interviewers' meeting, the candidate's invite and the debrief: each cancelled once.
        var cancelled = app.Sandbox.Tenant.RequestLog.Where(r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.OrdinalIgnoreCase)).Select(r => r.Path).ToList();
        Assert.Equal(3, cancelled.Count);
        Assert.Equal(3, cancelled.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(cancelled, p => p.Contains(interview.EventId, StringComparison.Ordinal));
        Assert.Contains(cancelled, p => p.Contains(booked.Debrief!.EventId, StringComparison.Ordinal));
        app.Sandbox.Tenant.ClearRequestLog();
        var again = await CancelAsync(app, applicationId, interview.InterviewId);

        Assert.Equal([200, 200], new[] { first, again }.Select(FunctionRequests.StatusOf));
        Assert.Equal(JsonSerializer.Serialize(((ObjectResult)first).Value), JsonSerializer.Serialize(((ObjectResult)again).Value));
        var answer = Assert.IsType<CancelAnswer>(((ObjectResult)first).Value);
        Assert.Equal(("cancelled", "cancelled"), (answer.Interview.Status, answer.Debrief!.Status));
        Assert.DoesNotContain(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => !e.IsCancelled);

        // The repeat only read: no cancel, move or create reached the tenant, so nobody got a second email.
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Method is "POST" or "PATCH" or "DELETE");
        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal("cancelled", view.Interviews.Single().Status);
        Assert.Equal("cancelled", view.Debrief!.Status);
    }

    [Fact]
    public async Task An_interview_cancelled_in_outlook_first_is_recorded_and_the_recruiters_cancel_sends_nothing_more()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var interview = Booked(await BookingTests.BookAsync(app, applicationId, Panel("Technical panel", null, London))).Interviews.Single();
        app.Sandbox.Tenant.CancelEvent(SandboxCompany.OrganizerMailbox, interview.EventId, "Cancelled in Outlook.");
        app.Sandbox.Tenant.ClearRequestLog();

        var result = await CancelAsync(app, applicationId, interview.InterviewId);

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        Assert.Equal("cancelled", Assert.IsType<CancelAnswer>(((ObjectResult)result).Value).Interview.Status);
        // Only what Outlook left undone: the candidate's invite and the debrief, each cancelled once; not the meeting again.
        var cancels = app.Sandbox.Tenant.RequestLog.Where(r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, cancels.Count);
        Assert.DoesNotContain(cancels, r => r.Path.Contains(interview.EventId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_interview_or_application_is_404_and_a_person_without_the_role_is_403_and_nothing_changes()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var interview = Booked(await BookingTests.BookAsync(app, applicationId, Panel("Technical panel", null, London))).Interviews.Single();
        app.Sandbox.Tenant.ClearRequestLog();

        var function = app.Function<CancelInterviewFunction>();
        var unknownInterview = await function.Run(FunctionRequests.Delete(), applicationId, new string('0', 32), CancellationToken.None);
        var unknownApplication = await function.Run(FunctionRequests.Delete(), new string('1', 32), interview.InterviewId, CancellationToken.None);
        var malformed = await function.Run(FunctionRequests.Delete(), applicationId, "../" + interview.InterviewId, CancellationToken.None);
        var notRecruiter = await function.Run(FunctionRequests.SignedInAs(FunctionRequests.Delete(), TestPrincipals.Interviewer), applicationId, interview.InterviewId, CancellationToken.None);
        var signedOut = await function.Run(FunctionRequests.Anonymous(FunctionRequests.Delete()), applicationId, interview.InterviewId, CancellationToken.None);

        Assert.Equal([404, 404, 404, 403, 401], new[] { unknownInterview, unknownApplication, malformed, notRecruiter, signedOut }.Select(FunctionRequests.StatusOf));
        Assert.Contains("application/problem+json", ((ObjectResult)unknownInterview).ContentTypes);
        Assert.Empty(app.Sandbox.Tenant.RequestLog);
        Assert.Equal("scheduled", (await IntakeTests.GetAsync(app, applicationId)).Interviews.Single().Status);
    }

    private static Task<IActionResult> CancelAsync(TestApp app, string applicationId, string interviewId) =>
        app.Function<CancelInterviewFunction>().Run(FunctionRequests.Delete(), applicationId, interviewId, CancellationToken.None);

    private static BookingAnswer Booked(IActionResult result)
    {
        Assert.Equal(201, FunctionRequests.StatusOf(result));
        return Assert.IsType<BookingAnswer>(((ObjectResult)result).Value);
    }
}
