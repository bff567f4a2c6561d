using System.Text.Json;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Debriefs;

/// <summary>The debrief: booked right after the last interview and kept there, on Azurite and the sandbox tenant.</summary>
public sealed class DebriefTests
{
    // People with empty calendars, so that what the debrief does depends on the test alone.
    private const string London = "debrief.london@contoso.com";
    private const string Berlin = "debrief.berlin@contoso.com";
    private const string NewYork = "debrief.newyork@contoso.com";
    private const string Recruiter = "debrief.recruiter@contoso.com";
    private const string Later = "debrief.later@contoso.com";

    /// <summary>The app's clock: 08:00 UTC on a Monday clear of DST changes, standing still, so that where a debrief lands never depends on the day or hour the tests run.</summary>
    private static FakeTimeProvider MondayMorning() => new(TestClock.DefaultStart);

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(
        new Dictionary<string, string?> { ["Debrief:RecruiterMailbox"] = Recruiter },
        clock: MondayMorning(),
        tenant: tenant =>
        {
            foreach (var (address, zone, start, end) in new[]
                     {
                         (London, "Europe/London", 9, 17), (Berlin, "Europe/Berlin", 8, 17), (NewYork, "America/New_York", 8, 17),
                         (Recruiter, "Europe/London", 9, 18), (Later, "Europe/London", 9, 17),
                     })
            {
                tenant.AddUser(SandboxUser.Create(address, address, zone, WorkingHours.Weekdays(new TimeOnly(start, 0), new TimeOnly(end, 0), zone)));
            }
        });

    private static string Panel(params string[] interviewers) => JsonSerializer.Serialize(new
    {
        sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = interviewers.Select(e => new { email = e }) } },
    });

    [Fact]
    public async Task A_booked_panel_gets_its_debrief_starting_exactly_when_the_panel_ends()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);

        var answer = Booked(await BookingTests.BookAsync(app, applicationId, Panel(London, Berlin, NewYork)));

        var interview = Assert.Single(answer.Interviews);
        Assert.NotNull(answer.Debrief);
        Assert.Equal(interview.End, answer.Debrief.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), answer.Debrief.End - answer.Debrief.Start);
        Assert.Empty(answer.Debrief.Conflicts);
        var debrief = DebriefEvent(app);
        Assert.Equal("Debrief: Ada Lovelace — Senior Software Engineer", debrief.Subject);
        Assert.Equal(
            new[] { London, Berlin, NewYork, Recruiter }.Order(StringComparer.OrdinalIgnoreCase),
            debrief.Attendees.Select(a => a.Address).Order(StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(debrief.Attendees, a => a.Address == "ada@example.org");
        Assert.True(debrief.IsOnlineMeeting);
        Assert.Contains("write your interview notes before the debrief", debrief.BodyContent, StringComparison.Ordinal);
        Assert.Equal(answer.Debrief.EventId, (await IntakeTests.GetAsync(app, applicationId)).Debrief!.EventId);
    }

    [Fact]
    public async Task A_three_session_loop_gets_its_debrief_after_the_third()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var loop = JsonSerializer.Serialize(new
        {
            sessions = new object[]
            {
                new { title = "Coding", durationMinutes = 45, interviewers = new[] { new { email = London } } },
                new { title = "System design", durationMinutes = 45, interviewers = new[] { new { email = Berlin } } },
                new { title = "Values", durationMinutes = 30, interviewers = new[] { new { email = NewYork } } },
            },
        });

        var answer = Booked(await BookingTests.BookAsync(app, applicationId, loop));

        Assert.Equal(3, answer.Interviews.Count);
        Assert.Equal(answer.Interviews.Max(i => i.End), answer.Debrief!.Start);
    }

    [Fact]
    public async Task An_interview_moved_two_hours_later_moves_the_debrief_through_a_notification_and_both_keep_their_teams_links()
    {
        await using var app = await StartAsync();
        var (applicationId, interview, debrief) = await BookPanelAsync(app);
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddHours(2), interview.End.AddHours(2));

        await NotifyAsync(app, interview.EventId);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal(interview.End.AddHours(2), view.Interviews.Single().End);
        Assert.Equal(interview.End.AddHours(2), view.Debrief!.Start);
        var moved = DebriefEvent(app);
        Assert.Equal(view.Debrief.Start, moved.Start);
        // The move changed time and attendees, never the body: the sandbox drops a meeting whose body loses its blob.
        Assert.True(moved.IsOnlineMeeting);
        Assert.Equal(debrief.JoinUrl, moved.JoinUrl);
        Assert.Equal(debrief.JoinUrl, view.Debrief.JoinUrl);
        var interviewEvent = app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, interview.EventId)!;
        Assert.True(interviewEvent.IsOnlineMeeting);
        Assert.Equal(interview.JoinUrl, interviewEvent.JoinUrl);
    }

    [Fact]
    public async Task A_debrief_a_person_deleted_is_recorded_as_removed_and_not_booked_again()
    {
        await using var app = await StartAsync();
        var (applicationId, interview, debrief) = await BookPanelAsync(app);
        Assert.True(app.Sandbox.Tenant.DeleteEvent(SandboxCompany.OrganizerMailbox, debrief.EventId));

        await NotifyAsync(app, debrief.EventId, "deleted");
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("removed", (await IntakeTests.GetAsync(app, applicationId)).Debrief!.Status);

        // The interview moves later: the debrief is not fought over (no new event, no update of the old one).
        app.Sandbox.Tenant.ClearRequestLog();
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddHours(2), interview.End.AddHours(2));
        await NotifyAsync(app, interview.EventId);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Subject.StartsWith("Debrief:", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Method == "PATCH" && r.Path.EndsWith(debrief.EventId, StringComparison.Ordinal));
        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal("removed", view.Debrief!.Status);
        Assert.Equal(interview.End.AddHours(2), view.Interviews.Single().End);
    }

    [Fact]
    public async Task The_same_notification_delivered_three_times_moves_the_debrief_once()
    {
        await using var app = await StartAsync();
        var (applicationId, interview, debrief) = await BookPanelAsync(app);
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddHours(2), interview.End.AddHours(2));
        app.Sandbox.Tenant.ClearRequestLog();

        for (var i = 0; i < 3; i++) await NotifyAsync(app, interview.EventId);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        Assert.Single(app.Sandbox.Tenant.RequestLog, r => r.Method == "PATCH" && r.Path.EndsWith(debrief.EventId, StringComparison.Ordinal));
        Assert.Equal(interview.End.AddHours(2), (await IntakeTests.GetAsync(app, applicationId)).Debrief!.Start);
    }

    [Fact]
    public async Task A_notification_with_a_wrong_client_state_does_nothing()
    {
        await using var app = await StartAsync();
        var (applicationId, interview, debrief) = await BookPanelAsync(app);
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddHours(2), interview.End.AddHours(2));

        var result = await NotifyAsync(app, interview.EventId, clientState: "forged-client-state-000000");
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(202, FunctionRequests.StatusOf(result));
        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal(interview.End, view.Interviews.Single().End);
        Assert.Equal(debrief.Start, view.Debrief!.Start);
    }

    [Fact]
    public async Task The_notification_endpoint_answers_graphs_validation_handshake()
    {
        await using var app = await StartAsync();
        var request = FunctionRequests.Json("");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?validationToken=Validation%3A%20Testing%20client%20application");

        var result = await app.Function<CalendarNotificationFunction>().Run(request, CancellationToken.None);

        var echo = Assert.IsType<ContentResult>(result);
        Assert.Equal("text/plain", echo.ContentType);
        Assert.Equal("Validation: Testing client application", echo.Content);
    }

    [Fact]
    public async Task All_interviews_cancelled_cancels_the_debrief()
    {
        await using var app = await StartAsync();
        var (applicationId, interview, debrief) = await BookPanelAsync(app);
        app.Sandbox.Tenant.CancelEvent(SandboxCompany.OrganizerMailbox, interview.EventId, "The candidate withdrew.");

        await NotifyAsync(app, interview.EventId, "deleted");
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal("cancelled", view.Interviews.Single().Status);
        Assert.Equal("cancelled", view.Debrief!.Status);
        Assert.DoesNotContain(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Id == debrief.EventId && !e.IsCancelled);
        var copy = Assert.Single(app.Sandbox.Tenant.EventsOf(London), e => e.Subject.Contains("Debrief:", StringComparison.Ordinal));
        Assert.True(copy.IsCancelled);
    }

    [Fact]
    public async Task A_second_booking_moves_the_debrief_and_adds_its_interviewers_to_the_same_event()
    {
        await using var app = await StartAsync();
        var (applicationId, first, debrief) = await BookPanelAsync(app);
        var later = JsonSerializer.Serialize(new
        {
            sessions = new[] { new { title = "Hiring manager", durationMinutes = 45, interviewers = new[] { new { email = Later } } } },
            window = new { start = first.End.AddDays(1), end = first.End.AddDays(8) },
        });

        var second = Booked(await BookingTests.BookAsync(app, applicationId, later));

        Assert.Equal(debrief.EventId, second.Debrief!.EventId);
        Assert.Equal(second.Interviews.Single().End, second.Debrief.Start);
        var moved = DebriefEvent(app);
        Assert.Equal(second.Debrief.Start, moved.Start);
        Assert.Contains(moved.Attendees, a => a.Address == Later);
        Assert.Contains(moved.Attendees, a => a.Address == London);
    }

    [Fact]
    public async Task A_decline_shows_on_the_application()
    {
        await using var app = await StartAsync();
        var (applicationId, interview, _) = await BookPanelAsync(app);
        app.Sandbox.Tenant.RespondToEvent(Berlin, interview.EventId, AttendeeResponse.Declined);

        await NotifyAsync(app, interview.EventId);
        await app.DeliverCalendarChangesAsync(TimeSpan.FromSeconds(30));

        var responses = (await IntakeTests.GetAsync(app, applicationId)).Interviews.Single().Responses;
        Assert.Equal("declined", Assert.Single(responses, r => r.Email == Berlin).Response);
    }

    [Fact]
    public async Task When_the_team_is_busy_right_after_the_debrief_takes_the_first_free_time_in_the_next_hours()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var options = Assert.IsType<OptionsAnswer>(((OkObjectResult)await app.Function<InterviewOptionsFunction>()
            .Run(FunctionRequests.Json(Panel(London, Berlin, NewYork)), applicationId, CancellationToken.None)).Value).Options;
        var end = options[0].End;
        // The recruiter is in another meeting for the half hour after the interview.
        app.Sandbox.Tenant.CreateEvent(Recruiter, new EventDraft { Subject = "Offer call", Start = end, End = end.AddMinutes(30) });
        var body = JsonSerializer.Serialize(new
        {
            sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = new[] { London, Berlin, NewYork }.Select(e => new { email = e }) } },
            start = options[0].Start,
        });

        var answer = Booked(await BookingTests.BookAsync(app, applicationId, body));

        Assert.Equal(end.AddMinutes(30), answer.Debrief!.Start);
        Assert.Empty(answer.Debrief.Conflicts);
    }

    [Fact]
    public async Task When_no_time_in_the_next_hours_suits_everyone_the_debrief_is_right_after_with_the_conflicts_named()
    {
        await using var app = await StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var options = Assert.IsType<OptionsAnswer>(((OkObjectResult)await app.Function<InterviewOptionsFunction>()
            .Run(FunctionRequests.Json(Panel(London, Berlin, NewYork)), applicationId, CancellationToken.None)).Value).Options;
        var end = options[0].End;
        app.Sandbox.Tenant.CreateEvent(Recruiter, new EventDraft { Subject = "Hiring fair", Start = end, End = end.AddHours(5) });
        var body = JsonSerializer.Serialize(new
        {
            sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = new[] { London, Berlin, NewYork }.Select(e => new { email = e }) } },
            start = options[0].Start,
        });

        var answer = Booked(await BookingTests.BookAsync(app, applicationId, body));

        Assert.Equal(end, answer.Debrief!.Start);
        Assert.Equal([Recruiter], answer.Debrief.Conflicts);
        Assert.Equal([Recruiter], (await IntakeTests.GetAsync(app, applicationId)).Debrief!.Conflicts);
    }

    [Fact]
    public async Task A_recruiter_given_with_the_application_is_invited_instead_of_the_configured_one()
    {
        await using var app = await StartAsync();
        var body = JsonSerializer.Serialize(new
        {
            candidate = new { name = "Ada Lovelace", email = "ada@example.org", timeZone = "Europe/London" },
            role = new { id = "senior-engineer", title = "Senior Software Engineer" },
            recruiterEmail = Later,
        });
        var applicationId = IntakeTests.IdOf(await app.Function<InterviewScheduler.Functions.Applications.SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None));

        var answer = Booked(await BookingTests.BookAsync(app, applicationId, Panel(London, Berlin)));

        Assert.Contains(Later, answer.Debrief!.Attendees);
        Assert.DoesNotContain(Recruiter, answer.Debrief.Attendees);
        Assert.Equal(Later, (await IntakeTests.GetAsync(app, applicationId)).RecruiterEmail);
    }

    private static BookingAnswer Booked(IActionResult result)
    {
        Assert.Equal(201, FunctionRequests.StatusOf(result));
        return Assert.IsType<BookingAnswer>(((ObjectResult)result).Value);
    }

    private static async Task<(string ApplicationId, InterviewView Interview, DebriefView Debrief)> BookPanelAsync(TestApp app)
    {
        var applicationId = await BookingTests.ApplyAsync(app);
        var answer = Booked(await BookingTests.BookAsync(app, applicationId, Panel(London, Berlin, NewYork)));
        return (applicationId, answer.Interviews.Single(), answer.Debrief!);
    }

    private static SandboxEvent DebriefEvent(TestApp app) =>
        Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Subject.StartsWith("Debrief:", StringComparison.Ordinal));

    /// <summary>Posts a change notification as Graph would for an organizer event.</summary>
    internal static Task<IActionResult> NotifyAsync(TestApp app, string eventId, string changeType = "updated", string clientState = TestApp.ClientState)
    {
        var body = JsonSerializer.Serialize(new
        {
            value = new[]
            {
                new
                {
                    subscriptionId = "test-subscription",
                    clientState,
                    changeType,
                    resource = $"Users/{Guid.Empty}/Events/{eventId}",
                    resourceData = new { id = eventId },
                },
            },
        });
        return app.Function<CalendarNotificationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);
    }
}
