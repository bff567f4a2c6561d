using System.Text;
using CsCheck;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Applications.Greenhouse;
using InterviewScheduler.Functions.Directory;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Functions.Pages;
using InterviewScheduler.Functions.SelfScheduling;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>
/// Every HTTP route fed generated bad input (CsCheck): wrong JSON types, huge arrays, deep nesting, unicode edge cases,
/// overlong strings, wrong or missing content types, empty and malformed bodies, bad route ids and query values, bad
/// signatures, links and sign-ins. Each answer is a 4xx <c>application/problem+json</c> (a 400 names the field), and
/// nothing is stored, queued, mailed or booked. The number of cases per route is fixed and written to the test output;
/// a failure shows the input CsCheck shrank it to.
/// </summary>
public sealed class BadInputCorpusTests(CorpusWorld world, ITestOutputHelper output) : IClassFixture<CorpusWorld>
{
    private const int BodyCases = 150;
    private const int QueryCases = 80;

    private const string Intake = """{"candidate":{"name":"Grace Hopper","email":"grace@example.org","timeZone":"America/New_York"},"role":{"id":"compiler-lead","title":"Compiler Lead"},"source":"careers","externalId":"gh-7","recruiterEmail":"talent.recruiter@contoso.com"}""";

    private const string Greenhouse = """{"action":"new_candidate_application","payload":{"application":{"id":46194062,"prospect":false,"candidate":{"first_name":"Wren","last_name":"Okafor-Lind","email_addresses":[{"value":"wren.lind@example.org","type":"personal"}],"recruiter":{"email":"talent.recruiter@contoso.com"},"can_email":true},"jobs":[{"id":211706,"name":"Platform Engineer"}]}}}""";

    private const string Pick = """{"start":"2026-11-18T10:00:00Z","timeZone":"Europe/London"}""";

    [Fact]
    public Task Post_applications_refuses_every_bad_body() =>
        world.RunAsync(output, "POST /api/applications", BadBodies.Any(
            Intake,
            IntakeOptions.MaxBodyBytes,
            new BodyField("candidate", Gen.OneOf(BadValues.NotAnObject, BadValues.DeepNesting, BadValues.HugeArray), true),
            new BodyField("candidate.name", BadValues.Text("Grace Hopper", 200, required: true), true),
            new BodyField("candidate.email", BadValues.Email("grace@example.org", required: true), true),
            new BodyField("candidate.timeZone", BadValues.Zone("America/New_York"), false),
            new BodyField("role", Gen.OneOf(BadValues.NotAnObject, BadValues.DeepNesting), true),
            new BodyField("role.id", BadValues.Text("compiler-lead", 200, required: true), true),
            new BodyField("role.title", BadValues.Text("Compiler Lead", 200, required: true), true),
            new BodyField("source", BadValues.Text("careers", 200, required: false), false),
            new BodyField("externalId", BadValues.Text("gh-7", 200, required: false), false),
            new BodyField("recruiterEmail", Gen.OneOf(BadValues.Email("talent.recruiter@contoso.com", required: false), BadValues.Strings("outside the tenant", Gen.OneOf("recruiter@agency.example", "talent.recruiter@contoso.com.evil.example"))), false)),
            BodyCases,
            body => world.App.Function<SubmitApplicationFunction>().Run(FunctionRequests.Raw(body.Body, body.ContentType), CancellationToken.None));

    [Fact]
    public Task Post_intake_greenhouse_refuses_every_bad_signed_delivery() =>
        world.RunAsync(output, "POST /api/intake/greenhouse (signed)", BadBodies.Any(
            Greenhouse,
            GreenhouseOptions.MaxBodyBytes,
            new BodyField("action", BadValues.NotAString, true),
            new BodyField("payload", Gen.OneOf(BadValues.NotAnObject, BadValues.DeepNesting), true),
            new BodyField("payload.application", Gen.OneOf(BadValues.NotAnObject, BadValues.DeepNesting, BadValues.HugeArray), true),
            new BodyField("payload.application.id", Gen.OneOf(
                BadValues.Strings("not a whole number", Gen.OneOf("", "abc", "-1", "+1", "4.5", "0x2C0E", "46 194 062", "\u0664\u0666\u0661")),
                BadValues.Strings("an odd character", BadValues.Inside("46194062", BadValues.NotInIdentifiers)),
                BadValues.Raw("not a whole number", "true", "[]", "{}", "1.5", "1e400", "99999999999999999999")), true),
            new BodyField("payload.application.candidate", Gen.OneOf(BadValues.NotAnObject, BadValues.DeepNesting), true),
            new BodyField("payload.application.candidate.first_name", BadValues.FreeTextOnly("Wren", 200), false),
            new BodyField("payload.application.candidate.last_name", BadValues.FreeTextOnly("Okafor-Lind", 200), false),
            new BodyField("payload.application.candidate.email_addresses", Gen.OneOf(BadValues.NotAnArray, BadValues.DeepNesting, BadValues.HugeArray, BadValues.Raw("no address", "[]", "[{}]", "[{\"value\":null}]", "[{\"type\":\"personal\"}]")), true),
            new BodyField("payload.application.candidate.email_addresses[0].value", BadValues.Email("wren.lind@example.org", required: true), true),
            new BodyField("payload.application.candidate.recruiter.email", BadValues.Email("talent.recruiter@contoso.com", required: false).Where(v => v.What != "not a string" && !v.What.StartsWith("nested", StringComparison.Ordinal)), false),
            new BodyField("payload.application.jobs", Gen.OneOf(BadValues.NotAnArray, BadValues.DeepNesting, BadValues.HugeArray, BadValues.Raw("no job", "[]", "[{}]")), true),
            new BodyField("payload.application.jobs[0].id", Gen.OneOf(BadValues.Raw("not an id", "true", "[]", "{}", "1.5", "1e400"), BadValues.FreeTextOnly("211706", 200)), true),
            new BodyField("payload.application.jobs[0].name", BadValues.FreeTextOnly("Platform Engineer", 200), true)),
            BodyCases,
            body => DeliverAsync(body.Body, body.ContentType, GreenhouseSignature.Sign(GreenhouseTests.SecretKey, body.Body)));

    [Fact]
    public Task Post_intake_greenhouse_refuses_a_missing_or_wrong_signature() =>
        world.RunAsync(output, "POST /api/intake/greenhouse (signature)", Gen.OneOf(
            Gen.OneOf<string?>(null, "", "sha256", "sha256 ", "sha256 zz", "sha256=" + Sign(Greenhouse), Sign(Greenhouse)[7..], "sha1 " + Sign(Greenhouse)[7..], "sha256  " + new string('0', 64)),
            Gen.Const(0).Select(_ => (string?)GreenhouseSignature.Sign("another-secret-key-of-enough-length", Encoding.UTF8.GetBytes(Greenhouse))),
            Gen.Const(0).Select(_ => (string?)GreenhouseSignature.Sign(GreenhouseTests.SecretKey, Encoding.UTF8.GetBytes(Greenhouse + " "))),
            BadValues.Inside(Sign(Greenhouse), BadValues.NotInIdentifiers).Select(s => (string?)s),
            Gen.Int[8, 70].Select(n => (string?)Sign(Greenhouse)[..n]),
            Gen.Int[7, 70].Select(n => (string?)FlipAt(Sign(Greenhouse), n))),
            QueryCases,
            signature => DeliverAsync(Encoding.UTF8.GetBytes(Greenhouse), "application/json", signature),
            (_, result) => AssertStatus(result, 401));

    [Fact]
    public Task Get_applications_refuses_every_bad_query() =>
        world.RunAsync(output, "GET /api/applications", Gen.OneOf(
            BadQuery("status", Gen.OneOf(Gen.OneOf("Received", "RECEIVED", "all", "0", "1", "received,scheduled", " received", "received "), BadValues.Inside("received", BadValues.NotInIdentifiers), BadValues.Overlong(200))),
            BadQuery("limit", Gen.OneOf(Gen.OneOf("0", "201", "-1", "+5", " 5", "5 ", "5.0", "1e2", "0x10", "\u0665", "five", "2147483648", "99999999999999999999"), BadValues.Inside("50", BadValues.NotInIdentifiers))),
            BadQuery("role", Gen.OneOf(BadValues.Overlong(200), BadValues.Inside("compiler-lead", BadValues.Refused))),
            Gen.Const(new QueryCase("status twice", new Dictionary<string, StringValues> { ["status"] = new(["received", "scheduled"]) }))),
            QueryCases,
            query => world.App.Function<ListApplicationsFunction>().Run(WithQuery(FunctionRequests.Get("/api/applications"), query), CancellationToken.None));

    [Fact]
    public Task Get_application_refuses_every_bad_id() =>
        world.RunAsync(output, "GET /api/applications/{id}", BadIds(), QueryCases,
            id => world.App.Function<GetApplicationFunction>().Run(FunctionRequests.Get("/api/applications/" + id), id, CancellationToken.None));

    [Fact]
    public Task Get_people_refuses_every_bad_search() =>
        world.RunAsync(output, "GET /api/people", Gen.OneOf(
            BadQuery("search", Gen.OneOf(
                Gen.OneOf("", "a", " a ", "  ", "\u3000\u3000"),
                BadValues.Overlong(100),
                BadValues.Inside("ada lovelace", BadValues.Refused))),
            Gen.Const(new QueryCase("no search", new Dictionary<string, StringValues>()))),
            QueryCases,
            query => world.App.Function<SearchPeopleFunction>().Run(WithQuery(FunctionRequests.Get("/api/people"), query), CancellationToken.None));

    [Fact]
    public Task Post_interviews_options_refuses_every_bad_body_and_id() =>
        world.RunAsync(output, "POST /api/applications/{id}/interviews/options", PanelCases(), BodyCases,
            c => world.App.Function<InterviewOptionsFunction>().Run(FunctionRequests.Raw(c.Body.Body, c.Body.ContentType), c.Id ?? world.ApplicationId, CancellationToken.None));

    [Fact]
    public Task Post_interviews_refuses_every_bad_body_and_id() =>
        world.RunAsync(output, "POST /api/applications/{id}/interviews", Gen.OneOf(
            PanelCases(),
            OverlongIdempotencyKeys),
            BodyCases,
            c => world.App.Function<BookInterviewsFunction>().Run(c.Request(), c.Id ?? world.ApplicationId, CancellationToken.None));

    [Fact]
    public Task Post_self_scheduling_offer_refuses_every_bad_body_and_id() =>
        world.RunAsync(output, "POST /api/applications/{id}/self-scheduling", Gen.OneOf(
            PanelCases(),
            BadBodies.OneFieldWrong(CorpusWorld.Panel[..^1] + ",\"expiresInHours\":72}", new BodyField("expiresInHours", BadValues.Integer(1, 14 * 24), false)).Select(b => new PanelCase(b, null)),
            OverlongIdempotencyKeys,
            Gen.Const(new PanelCase(new BadBody("a chosen start", Encoding.UTF8.GetBytes(CorpusWorld.Panel[..^1] + ",\"start\":\"2026-11-18T10:00:00Z\"}")), null))),
            BodyCases,
            c => world.App.Function<OfferSelfSchedulingFunction>().Run(c.Request(), c.Id ?? world.ApplicationId, CancellationToken.None));

    [Fact]
    public Task Get_self_scheduling_options_refuses_every_bad_zone_and_link() =>
        world.RunAsync(output, "GET /api/self-scheduling/options", Gen.OneOf(
            BadValues.ZoneText("Europe/Paris").Select(zone => new LinkCase("a wrong timeZone", world.Token, zone)),
            BadLinks().Select(link => link with { TimeZone = "Europe/Paris" })),
            QueryCases,
            c =>
            {
                var request = FunctionRequests.Anonymous(FunctionRequests.Get("/api/self-scheduling/options"));
                if (c.TimeZone is { } zone) request.Query = new QueryCollection(new Dictionary<string, StringValues> { [CandidateZone.Field] = zone });
                if (c.Token is { } token) request.Headers[SelfSchedulingProblems.LinkHeader] = token;
                return world.App.Function<SelfSchedulingOptionsFunction>().Run(request, CancellationToken.None);
            });

    [Fact]
    public Task Post_self_scheduling_pick_refuses_every_bad_body_and_link() =>
        world.RunAsync(output, "POST /api/self-scheduling/pick", Gen.OneOf(
            BadBodies.Any(
                Pick,
                4 * 1024,
                new BodyField("start", BadValues.NotADate, true),
                new BodyField("timeZone", BadValues.Zone("Europe/London"), false)).Select(body => (Body: body, Link: new LinkCase("the offer's link", world.Token, null))),
            BadLinks().Select(link => (Body: new BadBody("a valid pick", Encoding.UTF8.GetBytes(Pick)), Link: link))),
            BodyCases,
            c =>
            {
                var headers = c.Link.Token is { } token ? new Dictionary<string, string> { [SelfSchedulingProblems.LinkHeader] = token } : null;
                return world.App.Function<PickTimeFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Raw(c.Body.Body, c.Body.ContentType, headers)), CancellationToken.None);
            });

    [Fact]
    public Task Post_notifications_calendar_refuses_every_body_that_is_not_a_batch_and_queues_nothing_not_ours() =>
        world.RunAsync(output, "POST /api/notifications/calendar", NotificationCases("""{"value":[{"subscriptionId":"s-1","clientState":"@state","changeType":"updated","resource":"Users/organizer/Events/AAMkAD1","resourceData":{"id":"AAMkAD1"}}]}"""), BodyCases,
            c => world.App.Function<CalendarNotificationFunction>().Run(Notification(c), CancellationToken.None),
            AssertNotification);

    [Fact]
    public Task Post_notifications_lifecycle_refuses_every_body_that_is_not_a_batch_and_queues_nothing_not_ours() =>
        world.RunAsync(output, "POST /api/notifications/lifecycle", NotificationCases("""{"value":[{"subscriptionId":"s-1","clientState":"@state","lifecycleEvent":"missed"}]}"""), BodyCases,
            c => world.App.Function<LifecycleNotificationFunction>().Run(Notification(c), CancellationToken.None),
            AssertNotification);

    [Fact]
    public Task Get_ui_answers_404_problem_for_every_path_outside_the_pages() =>
        world.RunAsync(output, "GET /api/ui/{*path}", Gen.OneOf(
            Gen.OneOf(
                "../host.json", "..%2Fhost.json", "..%2fhost.json", "%2e%2e/host.json", "%2E%2E%2Fhost.json", "....//host.json", "..\\host.json", "..%5Chost.json",
                "/etc/passwd", "../../../../etc/passwd", "../InterviewScheduler.Functions.dll", "InterviewScheduler.Functions.dll", "./index.html", "index.html/..",
                "index.html%00.js", "index.html\u0000", "INDEX.HTML", "index.htm", "index.html.bak", "index.html/", "//index.html", "ui/index.html", "~/index.html",
                "%252e%252e%252fhost.json", "..%c0%afhost.json", "..%u2215host.json", "file:///etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share", "?", "#", " ", "/"),
            BadValues.Inside("index.html", BadValues.NotInIdentifiers),
            BadValues.Overlong(300, "../"),
            from depth in Gen.Int[1, 40] from name in Gen.OneOf("host.json", "etc/passwd", "local.settings.json") select string.Concat(Enumerable.Repeat("../", depth)) + name)
            .Where(path => !PagesFunction.Names.Contains(path)),
            QueryCases,
            path => PagesFunction.Run(FunctionRequests.Get("/api/ui/page"), path, CancellationToken.None),
            (_, result) => AssertStatus(result, 404));

    [Fact]
    public Task Get_me_answers_401_problem_to_every_bad_sign_in() =>
        world.RunAsync(output, "GET /api/me", BadPrincipal.Any.Where(p => !p.Readable), QueryCases,
            principal => Task.FromResult(SignedInPersonFunction.Run(principal.On(FunctionRequests.Get("/api/me")))),
            (_, result) => AssertStatus(result, 401));

    [Fact]
    public Task Recruiter_routes_refuse_every_bad_sign_in() =>
        world.RunAsync(output, "recruiter routes (sign-in)", from route in Gen.Int[0, RecruiterRoutes.Length - 1] from principal in BadPrincipal.Any select new RecruiterCase(route, principal), QueryCases,
            c => RecruiterRoutes[c.Route].Call(world, c.Principal),
            (c, result) => AssertStatus(result, c.Principal.Readable ? 403 : 401));

    private sealed record RecruiterRoute(string Name, Func<CorpusWorld, BadPrincipal, Task<IActionResult>> Call);

    private sealed record RecruiterCase(int Route, BadPrincipal Principal)
    {
        public override string ToString() => $"{RecruiterRoutes[Route].Name} with {Principal}";
    }

    private static readonly RecruiterRoute[] RecruiterRoutes =
    [
        new("GET /api/applications", (w, p) => w.App.Function<ListApplicationsFunction>().Run(p.On(FunctionRequests.Get("/api/applications")), CancellationToken.None)),
        new("GET /api/applications/{id}", (w, p) => w.App.Function<GetApplicationFunction>().Run(p.On(FunctionRequests.Get()), w.ApplicationId, CancellationToken.None)),
        new("GET /api/people", (w, p) => w.App.Function<SearchPeopleFunction>().Run(p.On(FunctionRequests.Get("/api/people", "?search=ada")), CancellationToken.None)),
        new("POST .../interviews/options", (w, p) => w.App.Function<InterviewOptionsFunction>().Run(p.On(FunctionRequests.Json(CorpusWorld.Panel)), w.ApplicationId, CancellationToken.None)),
        new("POST .../interviews", (w, p) => w.App.Function<BookInterviewsFunction>().Run(p.On(FunctionRequests.Json(CorpusWorld.Panel)), w.ApplicationId, CancellationToken.None)),
        new("POST .../self-scheduling", (w, p) => w.App.Function<OfferSelfSchedulingFunction>().Run(p.On(FunctionRequests.Json(CorpusWorld.Panel)), w.ApplicationId, CancellationToken.None)),
    ];

    /// <summary>A panel body, and the route id when it is not the world's application.</summary>
    private static readonly Gen<PanelCase> OverlongIdempotencyKeys =
        BadValues.Overlong(200).Select(key => new PanelCase(new BadBody("an overlong Idempotency-Key", Encoding.UTF8.GetBytes(CorpusWorld.Panel)), null, key));

    private sealed record PanelCase(BadBody Body, string? Id, string? IdempotencyKey = null)
    {
        public HttpRequest Request() =>
            FunctionRequests.Raw(Body.Body, Body.ContentType, IdempotencyKey is { } key ? new Dictionary<string, string> { [BookInterviewsFunction.IdempotencyHeader] = key } : null);

        public override string ToString() => $"{(Id is null ? "" : $"id {BadJson.Preview(Encoding.UTF8.GetBytes(Id))} with ")}{(IdempotencyKey is null ? "" : $"Idempotency-Key of {IdempotencyKey.Length} ")}{Body}";
    }

    private static Gen<PanelCase> PanelCases()
    {
        var session = """{"title":"Technical panel","durationMinutes":45,"interviewers":[{"email":"lead.engineer@contoso.com"}]}""";
        var bodies = BadBodies.Any(
            CorpusWorld.Panel,
            PanelRequestReader.MaxBodyBytes,
            new BodyField("sessions", Gen.OneOf(
                BadValues.NotAnArray,
                BadValues.DeepNesting,
                BadValues.HugeArray,
                BadValues.Raw("no session", "[]", "[null]", "[{}]"),
                Gen.Int[9, 40].Select(n => new BadValue($"{n} sessions", BadJson.Raw("[" + string.Join(',', Enumerable.Repeat(session, n)) + "]")))), true),
            new BodyField("sessions[0]", Gen.OneOf(BadValues.NotAnObject, BadValues.DeepNesting), true),
            new BodyField("sessions[0].title", BadValues.FreeTextOnly("Technical panel", 200), false),
            new BodyField("sessions[0].durationMinutes", BadValues.Integer(15, 240), false),
            new BodyField("sessions[0].minimumOptional", BadValues.Integer(0, 0), false),
            new BodyField("sessions[0].interviewers", Gen.OneOf(
                BadValues.NotAnArray,
                BadValues.DeepNesting,
                BadValues.HugeArray,
                BadValues.Raw("no interviewer", "[]", "[null]", "[{}]", "[{\"email\":\"lead.engineer@contoso.com\"},{\"email\":\"Lead.Engineer@contoso.com\"}]"),
                Gen.Int[101, 300].Select(n => new BadValue($"{n} interviewers", BadJson.Raw("[" + string.Join(',', Enumerable.Range(0, n).Select(i => $"{{\"email\":\"person{i}@contoso.com\"}}")) + "]")))), true),
            new BodyField("sessions[0].interviewers[0].email", BadValues.Email("lead.engineer@contoso.com", required: true), true),
            new BodyField("sessions[0].interviewers[0].optional", BadValues.NotABoolean, false),
            new BodyField("maxOptions", BadValues.Integer(1, 20), false),
            new BodyField("window", Gen.OneOf(
                BadValues.NotAnObject,
                BadValues.DeepNesting,
                BadValues.Raw(
                    "a wrong window",
                    "{}",
                    """{"start":"2026-11-17T00:00:00Z"}""",
                    """{"end":"2026-11-27T00:00:00Z"}""",
                    """{"start":"2026-11-27T00:00:00Z","end":"2026-11-17T00:00:00Z"}""",
                    """{"start":"2026-11-17T00:00:00Z","end":"2026-11-17T00:00:00Z"}""",
                    """{"start":"2020-01-01T00:00:00Z","end":"2020-01-31T00:00:00Z"}""",
                    """{"start":"2026-11-17T00:00:00Z","end":"2027-11-17T00:00:00Z"}""",
                    """{"start":"0001-01-01T00:00:00Z","end":"9999-12-31T23:59:59Z"}""",
                    """{"start":"9999-12-01T00:00:00Z","end":"9999-12-31T23:59:59Z"}"""),
                BadValues.NotADate.Select(d => new BadValue("window.start " + d.What, [.. BadJson.Raw("{\"start\":"), .. d.Json, .. BadJson.Raw(",\"end\":\"2026-11-27T00:00:00Z\"}")]))), false),
            new BodyField("candidateAvailability", Gen.OneOf(
                BadValues.NotAnArray,
                BadValues.DeepNesting,
                BadValues.HugeArray,
                BadValues.Raw("a wrong range", "[null]", "[{}]", """[{"start":"2026-11-18T10:00:00Z"}]""", """[{"start":"2026-11-18T10:00:00Z","end":"2026-11-18T09:00:00Z"}]""")), false),
            new BodyField("start", Gen.OneOf(BadValues.NotADate, BadValues.Raw("outside the window", "\"2020-01-01T00:00:00Z\"", "\"2099-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"")), false));
        return Gen.Frequency(
            (9, bodies.Select(b => new PanelCase(b, null))),
            (1, BadIds().Select(id => new PanelCase(new BadBody("a valid panel", Encoding.UTF8.GetBytes(CorpusWorld.Panel)), id))));
    }

    /// <summary>Route ids that are no application's (the route value as the host would pass it, decoded).</summary>
    private static Gen<string> BadIds() => Gen.OneOf(
        Gen.OneOf("", " ", "0", "..", "../applications", "%2e%2e", "null", "undefined", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0", "0123456789abcdef0123456789abcdeg", "' or 1 eq 1 or '", "*", "0123456789abcdef0123456789abcdef/interviews"),
        BadValues.Inside("0123456789abcdef0123456789abcdef", BadValues.NotInIdentifiers),
        BadValues.Overlong(32, "ab"),
        Gen.Const("0123456789abcdef0123456789abcdef"));

    private sealed record LinkCase(string What, string? Token, string? TimeZone)
    {
        public override string ToString() => $"{What}: {(Token is null ? "(no link)" : BadJson.Preview(Encoding.UTF8.GetBytes(Token)))}{(TimeZone is null ? "" : " timeZone=" + BadJson.Preview(Encoding.UTF8.GetBytes(TimeZone)))}";
    }

    /// <summary>Links that are not the offer's: absent, garbled, cut, changed in one place, signed by someone else.</summary>
    private Gen<LinkCase> BadLinks() => Gen.OneOf(
        Gen.OneOf(
            new LinkCase("no link", null, null),
            new LinkCase("empty", "", null),
            new LinkCase("a word", "token", null),
            new LinkCase("four dots", "...", null),
            new LinkCase("the link twice", world.Token + "." + world.Token, null),
            new LinkCase("the link in capitals", world.Token.ToUpperInvariant(), null),
            new LinkCase("the link with its page", "https://interviews.contoso.com/api/ui/pick.html#t=" + world.Token, null),
            new LinkCase("another application's", "0123456789abcdef0123456789abcdef" + world.Token[32..], null),
            new LinkCase("expiring later", ChangeExpiry(world.Token, 1), null),
            new LinkCase("expiring never", ChangeExpiry(world.Token, 253402300799 - long.Parse(world.Token.Split('.')[2], System.Globalization.CultureInfo.InvariantCulture)), null),
            new LinkCase("expiry with a leading zero", string.Join('.', world.Token.Split('.').Select((p, i) => i == 2 ? "0" + p : p)), null)),
        Gen.Int[1, world.Token.Length - 1].Select(n => new LinkCase("cut short", world.Token[..n], null)),
        Gen.Int[0, world.Token.Length - 1].Select(n => new LinkCase("one character changed", FlipAt(world.Token, n), null)),
        BadValues.Inside(world.Token, BadValues.NotInIdentifiers).Select(t => new LinkCase("an odd character", t, null)),
        BadValues.Overlong(160, "0123456789abcdef.").Select(t => new LinkCase("overlong", t, null)));

    private sealed record NotificationCase(string What, byte[] Body, string? ContentType, string? ValidationToken, bool MustRefuse)
    {
        public override string ToString() => $"{What} [{ContentType ?? "no Content-Type"}]{(ValidationToken is null ? "" : " validationToken=" + BadJson.Preview(Encoding.UTF8.GetBytes(ValidationToken)))}: {BadJson.Preview(Body)}";
    }

    /// <summary>
    /// Bodies that are not a batch (refused: 4xx), batches that are not ours (answered 202 as Graph expects, queuing
    /// nothing), and handshakes (the token echoed as text/plain, nothing else done).
    /// </summary>
    private static Gen<NotificationCase> NotificationCases(string template)
    {
        var valid = template.Replace("@state", TestApp.ClientState, StringComparison.Ordinal);
        var notABatch = Gen.OneOf(
                BadBodies.Malformed(valid),
                BadBodies.WrongRoot,
                BadBodies.OneFieldWrong(valid, new BodyField("value", Gen.OneOf(BadValues.NotAnArray, BadValues.DeepNesting, BadValues.HugeArray.Where(v => !v.What.EndsWith("{}", StringComparison.Ordinal)), BadValues.Raw("nulls", "null", "[null]", $"[{valid[10..^2]},null]")), true)))
            .Select(b => new NotificationCase(b.What, b.Body, b.ContentType, null, MustRefuse: true));
        var notOurs = BadBodies.OneFieldWrong(
                valid,
                new BodyField("value[0].clientState", Gen.OneOf(
                    BadValues.Strings("another clientState", Gen.OneOf(Gen.OneOf("", " ", "test-client-state", TestApp.ClientState + " ", TestApp.ClientState.ToUpperInvariant()), BadValues.Inside(TestApp.ClientState, BadValues.NotInIdentifiers), BadValues.Overlong(100))),
                    BadValues.NotAString,
                    BadValues.DeepNesting), true))
            .Select(b => new NotificationCase(b.What, b.Body, b.ContentType, null, MustRefuse: false));
        var handshakes =
            from token in Gen.OneOf(BadValues.Overlong(100), BadValues.Inside("validation-token", BadValues.NotInIdentifiers), BadValues.Inside("validation-token", BadValues.Refused), Gen.OneOf("<script>alert(1)</script>", "a&b=c", "%00"))
            from body in Gen.OneOf(BadBodies.Malformed(valid), BadBodies.WrongRoot, Gen.Const(new BadBody("a batch", Encoding.UTF8.GetBytes(valid))))
            select new NotificationCase("a handshake with " + body.What, body.Body, body.ContentType, token, MustRefuse: false);
        return Gen.Frequency((6, notABatch), (3, notOurs), (1, handshakes));
    }

    private static HttpRequest Notification(NotificationCase c)
    {
        var request = FunctionRequests.Anonymous(FunctionRequests.Raw(c.Body, c.ContentType));
        if (c.ValidationToken is { } token) request.Query = new QueryCollection(new Dictionary<string, StringValues> { ["validationToken"] = token });
        return request;
    }

    private static void AssertNotification(NotificationCase c, IActionResult result)
    {
        if (c.ValidationToken is { } token)
        {
            var echo = Assert.IsType<ContentResult>(result);
            Assert.Equal((200, "text/plain", token), (echo.StatusCode, echo.ContentType, echo.Content));
        }
        else if (c.MustRefuse || FunctionRequests.StatusOf(result) != 202)
        {
            CorpusWorld.AssertProblem(result);
        }
    }

    private static void AssertStatus(IActionResult result, int status)
    {
        CorpusWorld.AssertProblem(result);
        if (FunctionRequests.StatusOf(result) != status) throw new XunitException($"Expected {status}, got {CorpusWorld.Describe(result)}");
    }

    private Task<IActionResult> DeliverAsync(byte[] body, string? contentType, string? signature)
    {
        var headers = new Dictionary<string, string> { [GreenhouseWebhookFunction.EventIdHeader] = "corpus" };
        if (signature is not null) headers[GreenhouseSignature.HeaderName] = signature;
        return world.App.Function<GreenhouseWebhookFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Raw(body, contentType, headers)), CancellationToken.None);
    }

    private static string Sign(string body) => GreenhouseSignature.Sign(GreenhouseTests.SecretKey, Encoding.UTF8.GetBytes(body));

    private sealed record QueryCase(string What, Dictionary<string, StringValues> Values)
    {
        public override string ToString() => $"{What}: {string.Join("&", Values.Select(v => v.Key + "=" + BadJson.Preview(Encoding.UTF8.GetBytes(v.Value.ToString()))))}";
    }

    private static Gen<QueryCase> BadQuery(string name, Gen<string> values) =>
        values.Select(value => new QueryCase(name, new Dictionary<string, StringValues> { [name] = value }));

    private static HttpRequest WithQuery(HttpRequest request, QueryCase query)
    {
        request.Query = new QueryCollection(query.Values);
        return request;
    }

    /// <summary><paramref name="text"/> with the character at <paramref name="index"/> replaced by another of its kind.</summary>
    private static string FlipAt(string text, int index)
    {
        var c = text[index];
        var other = c switch { '.' => '0', >= '0' and <= '8' => (char)(c + 1), '9' => 'a', 'f' => '0', >= 'a' and <= 'e' => (char)(c + 1), _ => 'a' };
        return string.Concat(text.AsSpan(0, index), other.ToString(), text.AsSpan(index + 1));
    }

    private static string ChangeExpiry(string token, long bySeconds)
    {
        var parts = token.Split('.');
        parts[2] = (long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + bySeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join('.', parts);
    }
}
