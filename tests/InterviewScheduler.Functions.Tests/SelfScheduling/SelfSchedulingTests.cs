using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.SelfScheduling;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.SelfScheduling;

/// <summary>
/// Candidate self-scheduling through the function classes, Azurite and the sandbox tenant (real Graph SDK): the
/// recruiter's offer and its one email, the candidate's options and pick through the signed link alone.
/// </summary>
public sealed partial class SelfSchedulingTests
{
    private const string London = "lead.engineer@contoso.com";
    private const string Berlin = "security.engineer@contoso.com";
    private const string Candidate = "ada@example.org";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["SelfScheduling:SigningKey"] = "test-signing-key-of-thirty-two-characters+",
        ["SelfScheduling:PublicBaseUrl"] = "https://interviews.contoso.com",
    };

    private static string Panel(params string[] interviewers) => JsonSerializer.Serialize(new
    {
        sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = interviewers.Select(e => new { email = e }) } },
    });

    [Fact]
    public async Task An_offer_sends_the_candidate_exactly_one_email_with_a_link_and_a_repeat_sends_nothing_more()
    {
        await using var app = await TestApp.StartAsync(Settings);
        var applicationId = await BookingTests.ApplyAsync(app);

        var first = await OfferAsync(app, applicationId, Panel(London, Berlin));
        var again = await OfferAsync(app, applicationId, Panel(London, Berlin));

        Assert.Equal(201, FunctionRequests.StatusOf(first));
        var offer = Assert.IsType<OfferAnswer>(((ObjectResult)first).Value);
        Assert.Equal(offer.OfferId, Assert.IsType<OfferAnswer>(((ObjectResult)again).Value).OfferId);
        Assert.Equal(("offered", "sent"), (offer.Status, offer.Email));
        Assert.Equal(offer.OfferedAt + TimeSpan.FromHours(72), offer.ExpiresAt, TimeSpan.FromSeconds(1));

        var sent = Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal(Candidate, Assert.Single(sent.ToRecipients).Address);
        Assert.Contains("Senior Software Engineer", sent.Subject, StringComparison.Ordinal);
        Assert.Contains("Hi Ada,", sent.BodyContent, StringComparison.Ordinal);
        Assert.Contains("Technical panel: 45 minutes", sent.BodyContent, StringComparison.Ordinal);
        Assert.StartsWith("https://interviews.contoso.com/api/ui/pick.html#t=" + applicationId + ".", LinkIn(sent), StringComparison.Ordinal);
        foreach (var secret in new[] { London, Berlin, "lead.engineer", "guide" }) Assert.DoesNotContain(secret, sent.BodyContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(app.Sandbox.Tenant.MessagesIn(SandboxCompany.RecruitingMailbox, MailFolder.Drafts));

        var view = Assert.IsType<SelfSchedulingView>((await IntakeTests.GetAsync(app, applicationId)).SelfScheduling);
        Assert.Equal(("offered", "sent", offer.OfferId), (view.Status, view.Email, view.OfferId));
        Assert.Null(view.PickedAt);
    }

    [Fact]
    public async Task Options_through_the_link_show_the_times_and_the_interview_but_no_interviewer_or_guide()
    {
        await using var app = await TestApp.StartAsync(Settings);
        var (_, token) = await OfferedAsync(app, Panel(London, Berlin));

        var result = await OptionsAsync(app, token, "Europe/Paris");

        var answer = Assert.IsType<CandidateOptionsAnswer>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(("Europe/Paris", "Senior Software Engineer", "Contoso"), (answer.TimeZone, answer.RoleTitle, answer.Company));
        Assert.Equal([new InterviewShapeView("Technical panel", 45)], answer.Sessions);
        Assert.NotEmpty(answer.Options);
        Assert.All(answer.Options, o =>
        {
            Assert.Equal(TimeSpan.FromHours(1), o.LocalStart.Offset); // Paris in November
            Assert.Equal(o.Start, o.LocalStart);
            Assert.Equal(TimeSpan.FromMinutes(45), o.End - o.Start);
        });
        var json = JsonSerializer.Serialize(answer);
        foreach (var secret in new[] { London, Berlin, "@contoso.com", "lead.engineer", "guide", "follow-up", "debrief", "reasons" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_pick_books_the_interview_and_debrief_and_the_recruiter_sees_how_long_the_candidate_took()
    {
        var clock = TestClock.Default();
        await using var app = await TestApp.StartAsync(Settings, clock: clock);
        var (applicationId, token) = await OfferedAsync(app, Panel(London, Berlin));
        clock.Advance(TimeSpan.FromHours(3)); // the candidate opens the email later

        var chosen = Assert.IsType<CandidateOptionsAnswer>(((OkObjectResult)await OptionsAsync(app, token, "Europe/London")).Value).Options[0];
        var result = await PickAsync(app, token, chosen.Start, "Europe/London");

        Assert.Equal(201, FunctionRequests.StatusOf(result));
        var answer = Assert.IsType<PickAnswer>(((ObjectResult)result).Value);
        Assert.Equal(("booked", true), (answer.Status, answer.InviteSent));
        Assert.Equal((chosen.Start, chosen.End, chosen.LocalStart), (answer.Interview.Start, answer.Interview.End, answer.Interview.LocalStart));
        var interview = Assert.Single(BookingTests.InterviewEvents(app));
        Assert.Equal(chosen.Start, interview.Start);
        var invite = Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Attendees.Any(a => a.Address == Candidate));
        Assert.Equal(chosen.Start, invite.Start);

        var view = await IntakeTests.GetAsync(app, applicationId);
        Assert.Equal("scheduled", view.Status);
        var debrief = Assert.IsType<DebriefView>(view.Debrief);
        Assert.Equal("scheduled", debrief.Status);
        Assert.True(debrief.Start >= chosen.End);
        var offer = Assert.IsType<SelfSchedulingView>(view.SelfScheduling);
        Assert.Equal(("picked", chosen.Start), (offer.Status, offer.PickedStart));
        Assert.InRange(offer.TimeToPick!.Value, TimeSpan.FromHours(3), TimeSpan.FromHours(3.5));
    }

    [Fact]
    public async Task The_same_pick_twice_answers_the_same_and_books_once_and_another_pick_after_it_is_410()
    {
        await using var app = await TestApp.StartAsync(Settings);
        var (_, token) = await OfferedAsync(app, Panel(London, Berlin));
        var options = Assert.IsType<CandidateOptionsAnswer>(((OkObjectResult)await OptionsAsync(app, token)).Value).Options;

        var first = await PickAsync(app, token, options[0].Start);
        var again = await PickAsync(app, token, options[0].Start);
        var other = await PickAsync(app, token, options[1].Start);

        Assert.Equal([201, 201, 410], new[] { first, again, other }.Select(FunctionRequests.StatusOf));
        Assert.Equal(JsonSerializer.Serialize(((ObjectResult)first).Value), JsonSerializer.Serialize(((ObjectResult)again).Value));
        AssertLink(other, 410, "This link was used.", "used");
        Assert.Single(BookingTests.InterviewEvents(app));
        Assert.Single(app.Sandbox.Tenant.EventsOf(SandboxCompany.OrganizerMailbox), e => e.Attendees.Any(a => a.Address == Candidate));
        AssertLink(await OptionsAsync(app, token), 410, "This link was used.", "used");
    }

    [Fact]
    public async Task An_expired_link_is_410_and_books_and_sends_nothing()
    {
        var clock = TestClock.Default();
        await using var app = await TestApp.StartAsync(Settings, clock: clock);
        var (applicationId, token) = await OfferedAsync(app, Panel(London, Berlin), expiresInHours: 2);
        var start = Assert.IsType<CandidateOptionsAnswer>(((OkObjectResult)await OptionsAsync(app, token)).Value).Options[^1].Start;
        clock.Advance(TimeSpan.FromHours(2));

        AssertLink(await OptionsAsync(app, token), 410, "This link has expired.", "expired");
        AssertLink(await PickAsync(app, token, start), 410, "This link has expired.", "expired");

        Assert.Empty(BookingTests.InterviewEvents(app));
        Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal("expired", (await IntakeTests.GetAsync(app, applicationId)).SelfScheduling!.Status);
    }

    [Fact]
    public async Task A_link_with_any_one_character_changed_is_403_and_books_nothing()
    {
        await using var app = await TestApp.StartAsync(Settings);
        var (_, token) = await OfferedAsync(app, Panel(London, Berlin));
        var start = Assert.IsType<CandidateOptionsAnswer>(((OkObjectResult)await OptionsAsync(app, token)).Value).Options[0].Start;
        app.Sandbox.Tenant.ClearRequestLog();

        // One character in each part: the application, the offer, the expiry and the signature; and a cut one.
        var dots = token.Select((c, i) => (c, i)).Where(p => p.c == '.').Select(p => p.i).ToList();
        foreach (var position in new[] { 5, dots[0] + 5, dots[1] + 3, dots[2] + 1, token.Length - 1 })
        {
            var changed = token[..position] + (token[position] == '1' ? '2' : '1') + token[(position + 1)..];
            AssertLink(await OptionsAsync(app, changed), 403, "This link is not valid.", "invalid");
            AssertLink(await PickAsync(app, changed, start), 403, "This link is not valid.", "invalid");
        }

        AssertLink(await PickAsync(app, token[..^1], start), 403, "This link is not valid.", "invalid");
        AssertLink(await PickAsync(app, null, start), 403, "This link is not valid.", "invalid");
        Assert.Empty(BookingTests.InterviewEvents(app));
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_time_taken_before_the_pick_gives_409_with_the_times_still_free()
    {
        await using var app = await TestApp.StartAsync(Settings);
        var (_, token) = await OfferedAsync(app, Panel(London, Berlin));
        var chosen = Assert.IsType<CandidateOptionsAnswer>(((OkObjectResult)await OptionsAsync(app, token)).Value).Options[0];
        app.Sandbox.Tenant.CreateEvent(Berlin, new EventDraft { Subject = "Urgent incident review", Start = chosen.Start, End = chosen.End });

        var result = await PickAsync(app, token, chosen.Start, "America/New_York");

        Assert.Equal(409, FunctionRequests.StatusOf(result));
        var problem = Assert.IsType<ProblemDetails>(((ObjectResult)result).Value);
        var fresh = Assert.IsType<List<CandidateOptionView>>(problem.Extensions["options"]);
        Assert.NotEmpty(fresh);
        Assert.DoesNotContain(fresh, o => o.Start < chosen.End && chosen.Start < o.End);
        Assert.All(fresh, o => Assert.Equal(TimeSpan.FromHours(-5), o.LocalStart.Offset));
        Assert.DoesNotContain("@contoso.com", JsonSerializer.Serialize(problem), StringComparison.Ordinal);
        Assert.Empty(BookingTests.InterviewEvents(app));

        // The link is still good: a time still free books.
        Assert.Equal(201, FunctionRequests.StatusOf(await PickAsync(app, token, fresh[0].Start)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Pariss")]
    [InlineData("+01:00")]
    public async Task An_unknown_time_zone_is_400_naming_timeZone(string zone)
    {
        await using var app = await TestApp.StartAsync(Settings);
        var (_, token) = await OfferedAsync(app, Panel(London));

        foreach (var result in new[] { await OptionsAsync(app, token, zone), await PickAsync(app, token, TestClock.DefaultStart.AddDays(1), zone) })
        {
            Assert.Equal(400, FunctionRequests.StatusOf(result));
            Assert.Equal(["timeZone"], Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value).Errors.Keys);
        }

        Assert.Empty(BookingTests.InterviewEvents(app));
    }

    [Fact]
    public async Task Local_times_are_right_on_both_sides_of_new_yorks_change_from_daylight_saving_time()
    {
        // Thursday 29 October 2026; New York leaves daylight saving time on Sunday 1 November (UTC-4, then UTC-5).
        const string Panelist = "dst.panelist@contoso.com";
        var clock = TestClock.StartingAt(new DateTimeOffset(2026, 10, 29, 8, 0, 0, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(
            Settings,
            tenant: t => t.AddUser(SandboxUser.Create(Panelist, "DST Panelist", "Europe/London", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/London"))),
            clock: clock);
        // The candidate can make exactly one 45-minute time on Friday and one on Monday, both 10:00 in New York.
        var friday = new DateTimeOffset(2026, 10, 30, 14, 0, 0, TimeSpan.Zero);
        var monday = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
        var body = JsonSerializer.Serialize(new
        {
            sessions = new[] { new { title = "Technical panel", durationMinutes = 45, interviewers = new[] { new { email = Panelist } } } },
            candidateAvailability = new[] { new { start = friday, end = friday.AddMinutes(45) }, new { start = monday, end = monday.AddMinutes(45) } },
        });
        var (_, token) = await OfferedAsync(app, body);

        var answer = Assert.IsType<CandidateOptionsAnswer>(((OkObjectResult)await OptionsAsync(app, token, "America/New_York")).Value);

        var options = answer.Options.OrderBy(o => o.Start).ToList();
        Assert.Equal([friday, monday], options.Select(o => o.Start));
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 10, 0, 0, TimeSpan.FromHours(-4)), options[0].LocalStart);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 10, 45, 0, TimeSpan.FromHours(-4)), options[0].LocalEnd);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(-5)), options[1].LocalStart);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 45, 0, TimeSpan.FromHours(-5)), options[1].LocalEnd);
        Assert.Equal("10:00", options[1].Sessions.Single().LocalStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string, string> BadOffers => new()
    {
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"expiresInHours":0}""", "expiresInHours" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"expiresInHours":337}""", "expiresInHours" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"expiresInHours":"soon"}""", "expiresInHours" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"start":"2026-11-17T10:00:00Z"}""", "start" },
        { """{"sessions":[]}""", "sessions" },
        { """{"sessions":[{"durationMinutes":10,"interviewers":[{"email":"lead.engineer@contoso.com"}]}]}""", "sessions[0].durationMinutes" },
        { """{"sessions":[{"interviewers":[{"email":"not-an-address"}]}]}""", "sessions[0].interviewers[0].email" },
        { """{"sessions":[{"interviewers":[{"email":"nobody@contoso.com"}]}]}""", "sessions[0].interviewers[0].email" },
        { """{"sessions":[{"interviewers":[{"email":"lead.engineer@contoso.com"}]}],"window":{"start":"2020-01-01T00:00:00Z","end":"2020-01-05T00:00:00Z"}}""", "window.end" },
    };

    [Theory]
    [MemberData(nameof(BadOffers))]
    public async Task A_bad_offer_is_400_naming_the_field_and_stores_and_sends_nothing(string body, string field)
    {
        await using var app = await TestApp.StartAsync(Settings);
        var applicationId = await BookingTests.ApplyAsync(app);

        var result = await OfferAsync(app, applicationId, body);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        var problem = Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value);
        Assert.True(problem.Errors.ContainsKey(field), $"errors name {string.Join(", ", problem.Errors.Keys)}, not {field}");
        Assert.Null((await IntakeTests.GetAsync(app, applicationId)).SelfScheduling);
        Assert.Empty(app.Sandbox.Tenant.SentMail());
        Assert.Empty(app.Sandbox.Tenant.MessagesIn(SandboxCompany.RecruitingMailbox, MailFolder.Drafts));
    }

    [Fact]
    public async Task Without_a_signing_key_self_scheduling_is_503_and_sends_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);

        var offer = await OfferAsync(app, applicationId, Panel(London));
        var options = await OptionsAsync(app, applicationId + ".x");

        Assert.Equal([503, 503], new[] { offer, options }.Select(FunctionRequests.StatusOf));
        Assert.Null((await IntakeTests.GetAsync(app, applicationId)).SelfScheduling);
        Assert.Empty(app.Sandbox.Tenant.SentMail());
    }

    /// <summary>An application and an offer for it, with the token from the link in the one email the candidate got.</summary>
    internal static async Task<(string ApplicationId, string Token)> OfferedAsync(TestApp app, string body, int? expiresInHours = null)
    {
        var applicationId = await BookingTests.ApplyAsync(app);
        if (expiresInHours is { } hours) body = body.TrimEnd('}') + $",\"expiresInHours\":{hours}}}";
        Assert.Equal(201, FunctionRequests.StatusOf(await OfferAsync(app, applicationId, body)));
        var link = LinkIn(Assert.Single(app.Sandbox.Tenant.SentMail()));
        return (applicationId, link[(link.IndexOf("#t=", StringComparison.Ordinal) + 3)..]);
    }

    internal static Task<IActionResult> OfferAsync(TestApp app, string applicationId, string body) =>
        app.Function<OfferSelfSchedulingFunction>().Run(FunctionRequests.Json(body), applicationId, CancellationToken.None);

    internal static Task<IActionResult> OptionsAsync(TestApp app, string? token, string? timeZone = null)
    {
        var request = FunctionRequests.Get("/api/self-scheduling/options", timeZone is null ? null : "?timeZone=" + Uri.EscapeDataString(timeZone));
        if (token is not null) request.Headers[SelfSchedulingProblems.LinkHeader] = token;
        return app.Function<SelfSchedulingOptionsFunction>().Run(request, CancellationToken.None);
    }

    internal static Task<IActionResult> PickAsync(TestApp app, string? token, DateTimeOffset start, string? timeZone = null)
    {
        var headers = token is null ? null : new Dictionary<string, string> { [SelfSchedulingProblems.LinkHeader] = token };
        var body = JsonSerializer.Serialize(new { start, timeZone });
        return app.Function<PickTimeFunction>().Run(FunctionRequests.Json(body, headers: headers), CancellationToken.None);
    }

    private static string LinkIn(SandboxMessage message) =>
        Link().Match(WebUtility.HtmlDecode(message.BodyContent)) is { Success: true } found ? found.Value : throw new InvalidOperationException("No link in the email.");

    private static void AssertLink(IActionResult result, int status, string title, string reason)
    {
        Assert.Equal(status, FunctionRequests.StatusOf(result));
        Assert.Contains("application/problem+json", ((ObjectResult)result).ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(((ObjectResult)result).Value);
        Assert.Equal((title, reason), (problem.Title, problem.Extensions["reason"] as string));
    }

    [GeneratedRegex("""https://[^"\s]+/api/ui/pick\.html#t=[0-9a-f.]+""")]
    private static partial Regex Link();
}
