using System.Text.Json;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Sandbox;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TimeZoneConverter;

namespace InterviewScheduler.Functions.Tests.Interviews;

/// <summary>Panel options and booking through the function classes, Azurite and the sandbox tenant (real Graph SDK).</summary>
public sealed class BookingTests
{
    private const string London = "lead.engineer@contoso.com";
    private const string Berlin = "security.engineer@contoso.com";
    private const string NewYork = "product.manager@contoso.com";

    private static string Panel(params string[] interviewers) => Panel(45, interviewers);

    private static string Panel(int minutes, params string[] interviewers) => JsonSerializer.Serialize(new
    {
        sessions = new[] { new { title = "Technical panel", durationMinutes = minutes, interviewers = interviewers.Select(e => new { email = e }) } },
    });

    [Fact]
    public async Task A_three_person_panel_across_three_time_zones_is_booked_inside_everyones_working_hours()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);

        var result = await BookAsync(app, applicationId, Panel(London, Berlin, NewYork));

        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)result).Value);
        Assert.Equal(201, FunctionRequests.StatusOf(result));
        var interview = Assert.Single(answer.Interviews);
        Assert.StartsWith("https://teams.microsoft.com/", interview.JoinUrl, StringComparison.Ordinal);
        foreach (var address in new[] { London, Berlin, NewYork })
        {
            var person = app.Sandbox.Tenant.FindUser(address)!;
            AssertInsideWorkingHours(person, interview.Start, interview.End);
            var copy = Assert.Single(app.Sandbox.Tenant.EventsOf(address), e => e.Subject.StartsWith("Interview:", StringComparison.Ordinal));
            Assert.Equal(interview.Start, copy.Start);
            Assert.Equal(interview.JoinUrl, copy.JoinUrl);
        }

        var organizerEvent = Assert.Single(InterviewEvents(app));
        Assert.Equal("Interview: Ada Lovelace — Senior Software Engineer", organizerEvent.Subject);
        Assert.True(organizerEvent.IsOnlineMeeting);
        Assert.Equal("teamsForBusiness", organizerEvent.OnlineMeetingProvider);
        Assert.DoesNotContain(organizerEvent.Attendees, a => a.Address == "ada@example.org");
        Assert.Contains("The candidate&#x27;s experience, probed with follow-up questions (20 min)", organizerEvent.BodyContent, StringComparison.Ordinal);

        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal("scheduled", view.Status);
        Assert.Equal(interview.EventId, Assert.Single(view.Interviews).EventId);
        Assert.NotNull(view.Timeline.BookingRequestedAt);
        Assert.True(view.Timeline.BookedAt >= view.Timeline.BookingRequestedAt);
    }

    [Fact]
    public async Task The_candidate_gets_an_invite_of_their_own_with_the_join_link_and_no_guide_or_interviewer_addresses()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);

        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)await BookAsync(app, applicationId, Panel(London, Berlin, NewYork))).Value);

        var interview = Assert.Single(answer.Interviews);
        var invite = Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Attendees.Any(a => a.Address == "ada@example.org"));
        Assert.Equal("ada@example.org", Assert.Single(invite.Attendees).Address);
        Assert.Equal(interview.Start, invite.Start);
        Assert.Equal(interview.End, invite.End);
        Assert.Equal("Interview with Contoso: Senior Software Engineer", invite.Subject);
        // The same Teams meeting: the interviewers' join link, in the candidate's own words.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(interview.JoinUrl!), invite.BodyContent, StringComparison.Ordinal);
        Assert.Contains("Hi Ada,", invite.BodyContent, StringComparison.Ordinal);
        Assert.Contains("time for your questions", invite.BodyContent, StringComparison.Ordinal);
        foreach (var secret in new[] { "Interview guide", "follow-up questions", "compensation", "notes before the debrief", "/api/applications/", London, Berlin, NewYork, "lead.engineer", "@contoso.com" })
        {
            Assert.DoesNotContain(secret, invite.BodyContent, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(invite.IsOnlineMeeting); // not a second meeting: the link is the interviewers' meeting's
    }

    [Fact]
    public async Task A_moved_or_cancelled_interview_takes_the_candidates_invite_with_it_and_a_decline_is_recorded()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)await BookAsync(app, applicationId, Panel(London, Berlin))).Value);
        var interview = Assert.Single(answer.Interviews);
        var invite = Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Attendees.Any(a => a.Address == "ada@example.org"));
        var sync = app.Services.GetRequiredService<Core.Debriefs.InterviewSync>();

        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddDays(1), interview.End.AddDays(1));
        await sync.RefreshAsync(applicationId, CancellationToken.None);
        Assert.Equal(interview.Start.AddDays(1), app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, invite.Id)!.Start);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(interview.JoinUrl!), app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, invite.Id)!.BodyContent, StringComparison.Ordinal);

        app.Sandbox.Tenant.RespondToEvent("ada@example.org", invite.ICalUId, AttendeeResponse.Declined);
        await sync.RefreshAsync(applicationId, CancellationToken.None);
        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Contains(view.Interviews.Single().Responses, r => r.Email == "ada@example.org" && r.Response == "declined");

        app.Sandbox.Tenant.CancelEvent(SandboxCompany.OrganizerMailbox, interview.EventId);
        await sync.RefreshAsync(applicationId, CancellationToken.None);
        Assert.Null(app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, invite.Id)); // the organizer's copy of a cancelled meeting goes away
        Assert.Equal("cancelled", (await IntakeTests.GetAsync(app, applicationId)).Interviews.Single().Status);
    }

    [Fact]
    public async Task Two_refreshes_of_one_move_update_the_candidates_invite_once()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        var interview = Assert.Single(Assert.IsType<BookingAnswer>(((ObjectResult)await BookAsync(app, applicationId, Panel(London, Berlin))).Value).Interviews);
        var invite = Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Attendees.Any(a => a.Address == "ada@example.org"));
        var sync = app.Services.GetRequiredService<Core.Debriefs.InterviewSync>();
        app.Sandbox.Tenant.MoveEvent(SandboxCompany.OrganizerMailbox, interview.EventId, interview.Start.AddDays(1), interview.End.AddDays(1));
        app.Sandbox.Tenant.ClearRequestLog();

        // Two workers with the same notification, at once (a duplicate delivery).
        await Task.WhenAll(sync.RefreshAsync(applicationId, CancellationToken.None), sync.RefreshAsync(applicationId, CancellationToken.None));

        Assert.Single(app.Sandbox.Tenant.RequestLog, r => r.Method == "PATCH" && r.Path.EndsWith(invite.Id, StringComparison.Ordinal));
        Assert.Equal(interview.Start.AddDays(1), app.Sandbox.Tenant.FindEvent(SandboxCompany.OrganizerMailbox, invite.Id)!.Start);
    }

    [Fact]
    public async Task An_organizer_without_teams_gets_a_clear_502_and_keeps_no_event()
    {
        await using var app = await TestApp.StartAsync(tenant: t => t.SetOnlineMeetingProviders(SandboxCompany.OrganizerMailbox));
        var applicationId = await ApplyAsync(app);

        var result = await BookAsync(app, applicationId, Panel(London, Berlin));

        Assert.Equal(502, FunctionRequests.StatusOf(result));
        var problem = Assert.IsType<ProblemDetails>(((ObjectResult)result).Value);
        Assert.Contains("teamsForBusiness", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox));
        Assert.Empty((await IntakeTests.GetAsync(app, applicationId)).Interviews);
    }

    [Fact]
    public async Task With_online_meetings_optional_an_organizer_without_teams_still_books()
    {
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Scheduling:OnlineMeeting"] = "Optional" },
            tenant: t => t.SetOnlineMeetingProviders(SandboxCompany.OrganizerMailbox));
        var applicationId = await ApplyAsync(app);

        var result = await BookAsync(app, applicationId, Panel(London, Berlin));

        Assert.Equal(201, FunctionRequests.StatusOf(result));
        Assert.Null(Assert.Single(Assert.IsType<BookingAnswer>(((ObjectResult)result).Value).Interviews).JoinUrl);
    }

    [Fact]
    public async Task Options_rank_times_and_book_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        var before = app.Sandbox.Tenant.AllEvents().Count;

        var result = await app.Function<InterviewOptionsFunction>().Run(FunctionRequests.Json(Panel(London, Berlin, NewYork)), applicationId, CancellationToken.None);

        var options = Assert.IsType<OptionsAnswer>(Assert.IsType<OkObjectResult>(result).Value).Options;
        Assert.InRange(options.Count, 1, 5);
        Assert.All(options, o => Assert.Equal(TimeSpan.FromMinutes(45), o.End - o.Start));
        Assert.Equal(options.Min(o => o.Start), options[0].Start);
        Assert.Equal(before, app.Sandbox.Tenant.AllEvents().Count);
    }

    [Fact]
    public async Task A_25_person_panel_reads_free_busy_in_one_batch_call()
    {
        await using var app = await TestApp.StartAsync();
        var people = Enumerable.Range(0, 25).Select(i => $"panelist{i:D2}@contoso.com").ToArray();
        foreach (var address in people)
        {
            app.Sandbox.Tenant.AddUser(SandboxUser.Create(address, address, "Europe/London", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/London")));
        }

        var applicationId = await ApplyAsync(app);
        app.Sandbox.Tenant.ClearRequestLog();

        var result = await app.Function<InterviewOptionsFunction>().Run(FunctionRequests.Json(Panel(people)), applicationId, CancellationToken.None);

        Assert.NotEmpty(Assert.IsType<OptionsAnswer>(Assert.IsType<OkObjectResult>(result).Value).Options);
        var topLevel = app.Sandbox.Tenant.RequestLog.Where(r => !r.InBatch).ToList();
        Assert.Single(topLevel);
        Assert.EndsWith("/$batch", topLevel[0].Path, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, app.Sandbox.Tenant.RequestLog.Count(r => r.InBatch && r.Path.EndsWith("/calendar/getSchedule", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_slot_taken_between_options_and_booking_gives_409_with_fresh_options()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        var options = Assert.IsType<OptionsAnswer>(((OkObjectResult)await app.Function<InterviewOptionsFunction>()
            .Run(FunctionRequests.Json(Panel(London, Berlin, NewYork)), applicationId, CancellationToken.None)).Value).Options;
        var chosen = options[0];

        // Someone takes the time in Outlook before the recruiter books it.
        app.Sandbox.Tenant.CreateEvent(Berlin, new EventDraft { Subject = "Urgent incident review", Start = chosen.Start, End = chosen.End });
        var body = JsonSerializer.Serialize(new
        {
            sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = new[] { London, Berlin, NewYork }.Select(e => new { email = e }) } },
            start = chosen.Start,
        });
        var result = await BookAsync(app, applicationId, body);

        Assert.Equal(409, FunctionRequests.StatusOf(result));
        var problem = Assert.IsType<ProblemDetails>(((ObjectResult)result).Value);
        var fresh = Assert.IsType<List<OptionView>>(problem.Extensions["options"]);
        Assert.NotEmpty(fresh);
        Assert.DoesNotContain(fresh, o => o.Start < chosen.End && chosen.Start < o.End);
        Assert.DoesNotContain(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Subject.StartsWith("Interview:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_request_with_the_same_idempotency_key_books_once()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        var headers = new Dictionary<string, string> { [BookInterviewsFunction.IdempotencyHeader] = "booking-42" };

        var first = await app.Function<BookInterviewsFunction>().Run(FunctionRequests.Json(Panel(London, NewYork), headers: headers), applicationId, CancellationToken.None);
        var again = await app.Function<BookInterviewsFunction>().Run(FunctionRequests.Json(Panel(London, NewYork), headers: headers), applicationId, CancellationToken.None);

        var one = Assert.IsType<BookingAnswer>(((ObjectResult)first).Value);
        var two = Assert.IsType<BookingAnswer>(((ObjectResult)again).Value);
        Assert.Equal(one.Interviews.Single().InterviewId, two.Interviews.Single().InterviewId);
        Assert.Equal(one.Interviews.Single().EventId, two.Interviews.Single().EventId);
        Assert.Single(InterviewEvents(app));
        Assert.Single((await IntakeTests.GetAsync(app, applicationId)).Interviews);
    }

    [Fact]
    public async Task Two_different_bookings_at_the_same_moment_one_wins_and_one_gets_409()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);

        var results = await Task.WhenAll(
            app.Function<BookInterviewsFunction>().Run(FunctionRequests.Json(Panel(London, NewYork)), applicationId, CancellationToken.None),
            app.Function<BookInterviewsFunction>().Run(FunctionRequests.Json(Panel(Berlin, NewYork)), applicationId, CancellationToken.None));

        Assert.Equal([201, 409], results.Select(FunctionRequests.StatusOf).Order());
        Assert.Single(InterviewEvents(app));
    }

    [Fact]
    public async Task A_throttled_free_busy_read_is_retried_and_the_booking_succeeds()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        app.Sandbox.Tenant.AddFault(new FaultRule { PathPattern = "*/calendar/getSchedule", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });

        var result = await BookAsync(app, applicationId, Panel(London, Berlin, NewYork));

        Assert.Equal(201, FunctionRequests.StatusOf(result));
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Status == 429);
        Assert.Single(InterviewEvents(app));
    }

    [Fact]
    public async Task A_loop_of_two_sessions_is_booked_as_two_events_on_one_day()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        var body = JsonSerializer.Serialize(new
        {
            sessions = new object[]
            {
                new { title = "Coding", durationMinutes = 60, interviewers = new[] { new { email = London } } },
                new { title = "System design", durationMinutes = 45, interviewers = new[] { new { email = Berlin } } },
            },
        });

        var answer = Assert.IsType<BookingAnswer>(((ObjectResult)await BookAsync(app, applicationId, body)).Value);

        Assert.Equal(["Coding", "System design"], answer.Interviews.Select(i => i.Title));
        Assert.True(answer.Interviews[1].Start >= answer.Interviews[0].End);
        Assert.True(answer.Interviews[1].Start - answer.Interviews[0].End <= TimeSpan.FromMinutes(30));
        var subjects = InterviewEvents(app).Select(e => e.Subject).Order().ToList();
        Assert.Equal(["Interview: Ada Lovelace — Senior Software Engineer — Coding", "Interview: Ada Lovelace — Senior Software Engineer — System design"], subjects);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { Panel(10, London), "sessions[0].durationMinutes" },
        { Panel(241, London), "sessions[0].durationMinutes" },
        { Panel("not-an-address"), "sessions[0].interviewers[0].email" },
        { Panel([.. Enumerable.Range(0, 101).Select(i => $"p{i}@contoso.com")]), "sessions[0].interviewers" },
        { JsonSerializer.Serialize(new { sessions = Enumerable.Range(0, 9).Select(_ => new { interviewers = new[] { new { email = London } } }) }), "sessions" },
        // Five sessions of 100 different people: a debrief of 500 interviewers and the recruiter is over Exchange's limit.
        { JsonSerializer.Serialize(new { sessions = Enumerable.Range(0, 5).Select(s => new { interviewers = Enumerable.Range(0, 100).Select(i => new { email = $"p{s}-{i}@contoso.com" }) }) }), "sessions" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"window":{"start":"2030-01-01T00:00:00Z","end":"2030-03-15T00:00:00Z"}}""", "window" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"window":{"start":"2020-01-01T00:00:00Z","end":"2020-01-05T00:00:00Z"}}""", "window.end" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"start":"next tuesday"}""", "start" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"window":{"start":"soon","end":"2020-01-05T00:00:00Z"}}""", "window.start" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_400_naming_the_field_and_books_nothing(string body, string field)
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);
        app.Sandbox.Tenant.ClearRequestLog();

        var result = await BookAsync(app, applicationId, body);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        var problem = Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value);
        Assert.True(problem.Errors.ContainsKey(field), $"errors name {string.Join(", ", problem.Errors.Keys)}, not {field}");
        Assert.Empty(app.Sandbox.Tenant.RequestLog);
    }

    [Fact]
    public async Task An_interviewer_the_tenant_does_not_know_gets_400_naming_them()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await ApplyAsync(app);

        var result = await BookAsync(app, applicationId, Panel(London, "nobody@contoso.com"));

        var problem = Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value);
        Assert.Equal(400, FunctionRequests.StatusOf(result));
        Assert.Equal(["sessions[0].interviewers[1].email"], problem.Errors.Keys);
        Assert.Empty(InterviewEvents(app));
    }

    [Fact]
    public async Task An_unknown_application_gets_404()
    {
        await using var app = await TestApp.StartAsync();

        var result = await BookAsync(app, "0123456789abcdef0123456789abcdef", Panel(London));

        Assert.Equal(404, FunctionRequests.StatusOf(result));
    }

    internal static async Task<string> ApplyAsync(TestApp app, string name = "Ada Lovelace")
    {
        var body = JsonSerializer.Serialize(new
        {
            candidate = new { name, email = "ada@example.org", timeZone = "Europe/London" },
            role = new { id = "senior-engineer", title = "Senior Software Engineer" },
        });
        return IntakeTests.IdOf(await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None));
    }

    internal static IReadOnlyList<SandboxEvent> InterviewEvents(TestApp app) =>
        [.. app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox).Where(e => e.Subject.StartsWith("Interview:", StringComparison.Ordinal))];

    internal static Task<IActionResult> BookAsync(TestApp app, string applicationId, string body) =>
        app.Function<BookInterviewsFunction>().Run(FunctionRequests.Json(body), applicationId, CancellationToken.None);

    private static void AssertInsideWorkingHours(SandboxUser person, DateTimeOffset start, DateTimeOffset end)
    {
        var zone = TZConvert.GetTimeZoneInfo(person.WorkingHours.TimeZone);
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        Assert.Contains(localStart.DayOfWeek, person.WorkingHours.DaysOfWeek);
        Assert.True(TimeOnly.FromDateTime(localStart.DateTime) >= person.WorkingHours.Start, $"{person.Address} starts at {localStart:t} local");
        Assert.True(TimeOnly.FromDateTime(localEnd.DateTime) <= person.WorkingHours.End, $"{person.Address} ends at {localEnd:t} local");
    }
}
