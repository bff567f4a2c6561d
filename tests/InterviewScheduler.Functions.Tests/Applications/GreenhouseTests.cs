using System.Text;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Applications.Greenhouse;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.Applications;

/// <summary><c>POST /api/intake/greenhouse</c>: Greenhouse's signed web hook deliveries, on Azurite and the sandbox tenant.</summary>
public sealed class GreenhouseTests
{
    public const string SecretKey = "greenhouse-test-secret-key-0123456789";

    /// <summary>
    /// A <c>new_candidate_application</c> delivery as Greenhouse documents it (invented people and ids), trimmed of
    /// fields intake ignores. The work address comes first, so choosing the personal one is visible.
    /// </summary>
    public const string NewApplication = """
        {
          "action": "new_candidate_application",
          "payload": {
            "application": {
              "id": 46194062,
              "applied_at": "2026-11-16T07:55:12.000Z",
              "last_activity_at": "2026-11-16T07:55:12.000Z",
              "status": "active",
              "prospect": false,
              "source": {"id": 7, "public_name": "Careers page"},
              "current_stage": {"id": 3045667, "name": "Application Review"},
              "candidate": {
                "id": 53883394,
                "first_name": "Wren",
                "last_name": "Okafor-Lind",
                "title": "Site Reliability Engineer",
                "email_addresses": [{"value": "wren.okafor@northwind.example", "type": "work"}, {"value": "wren.lind@example.org", "type": "personal"}],
                "phone_numbers": [{"value": "+44 20 7946 0321", "type": "mobile"}],
                "recruiter": {"id": 92120, "email": "talent.recruiter@contoso.com", "name": "Tamsin Reyes"},
                "coordinator": null,
                "can_email": true,
                "attachments": [{"filename": "wren_cv.pdf", "url": "https://greenhouse.example/wren_cv.pdf", "type": "resume"}]
              },
              "jobs": [{"id": 211706, "name": "Platform Engineer", "requisition_id": "PE-14", "status": "open"}],
              "answers": [{"question": "Why us?", "answer": "The on-call rota."}]
            }
          }
        }
        """;

    [Fact]
    public async Task A_signed_new_application_answers_200_is_stored_and_acknowledged_once()
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, NewApplication);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        var answer = Assert.IsType<SubmitApplicationFunction.SubmissionAnswer>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal("received", answer.Status);
        Assert.Equal("pending", answer.Acknowledgment);
        var view = await IntakeTests.GetAsync(app, answer.ApplicationId);
        Assert.Equal("Wren Okafor-Lind", view.Candidate.Name);
        Assert.Equal("wren.lind@example.org", view.Candidate.Email);
        Assert.Equal(new RoleView("211706", "Platform Engineer"), view.Role);
        Assert.Equal("greenhouse", view.Source);
        Assert.Equal("46194062", view.ExternalId);
        Assert.Equal("talent.recruiter@contoso.com", view.RecruiterEmail);
        var sent = Assert.Single(app.Sandbox.Tenant.SentMail());
        Assert.Equal("wren.lind@example.org", Assert.Single(sent.ToRecipients).Address);
    }

    [Fact]
    public async Task The_same_delivery_twice_is_one_application_with_the_same_id_and_one_email()
    {
        await using var app = await StartAsync();

        var first = await DeliverAsync(app, NewApplication);
        var again = await DeliverAsync(app, NewApplication, eventId: "retry-of-the-first");
        // A later delivery for the same Greenhouse application with other details is the same application too.
        var edited = await DeliverAsync(app, NewApplication.Replace("Wren", "Wrenna", StringComparison.Ordinal));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.All([first, again, edited], r => Assert.Equal(200, FunctionRequests.StatusOf(r)));
        Assert.Equal(IntakeTests.IdOf(first), IntakeTests.IdOf(again));
        Assert.Equal(IntakeTests.IdOf(first), IntakeTests.IdOf(edited));
        Assert.Equal(1, await IntakeTests.CountAsync(app, app.Names.ApplicationsTable));
        Assert.Single(app.Sandbox.Tenant.SentMail());
    }

    [Theory]
    [InlineData("""[{"value":"wren.okafor@northwind.example","type":"work"},{"value":"wren.other@example.net","type":"other"},{"value":"wren.lind@example.org","type":"personal"}]""", "wren.lind@example.org")]
    [InlineData("""[{"value":"wren.okafor@northwind.example","type":"work"},{"value":"wren.other@example.net","type":"other"}]""", "wren.okafor@northwind.example")]
    [InlineData("""[{"value":"","type":"personal"},{"value":"wren.other@example.net","type":"other"}]""", "wren.other@example.net")]
    public async Task The_personal_address_is_chosen_else_the_first(string addresses, string chosen)
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, WithAddresses(addresses));

        Assert.Equal(chosen, (await IntakeTests.GetAsync(app, IntakeTests.IdOf(result))).Candidate.Email);
    }

    public static TheoryData<string, string> WrongSignatures() => new()
    {
        { "missing", "" },
        { "signed with another key", GreenhouseSignature.Sign("another-secret-key-0123456789", Encoding.UTF8.GetBytes(NewApplication)) },
        { "the signature of another body", GreenhouseSignature.Sign(SecretKey, Encoding.UTF8.GetBytes(NewApplication.Replace("46194062", "46194063", StringComparison.Ordinal))) },
        { "the right hex without the scheme", WebhookSignature.Sign(SecretKey, Encoding.UTF8.GetBytes(NewApplication)) },
        { "not hex", "sha256 not-a-signature" },
    };

    [Theory]
    [MemberData(nameof(WrongSignatures))]
    public async Task A_missing_or_wrong_signature_gets_401_and_stores_nothing(string what, string signature)
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, NewApplication, signature);

        Assert.True(FunctionRequests.StatusOf(result) == 401, what);
        Assert.Contains("application/problem+json", ((ObjectResult)result).ContentTypes);
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task Without_a_secret_key_every_delivery_gets_503_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();

        var signed = await DeliverAsync(app, NewApplication);
        var ping = await DeliverAsync(app, """{"action":"ping"}""", signature: "");

        Assert.Equal(503, FunctionRequests.StatusOf(signed));
        Assert.Equal(503, FunctionRequests.StatusOf(ping));
        Assert.Contains("application/problem+json", ((ObjectResult)signed).ContentTypes);
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Theory]
    [InlineData("""{"action":"ping","payload":{"web_hook_id":7114}}""")]
    [InlineData("""{"action":"ping"}""")]
    [InlineData("""{"action":"ping","payload":null,"extra":[1,2,3]}""")]
    public async Task A_ping_answers_200_and_stores_nothing(string ping)
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, ping);

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        Assert.Equal(new GreenhouseWebhookFunction.DeliveryAnswer("ping", "pong"), ((ObjectResult)result).Value);
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Theory]
    [InlineData("""{"action":"candidate_hired","payload":{"application":{"id":46194062}}}""")]
    [InlineData("""{"action":"delete_candidate","payload":{"person_id":53883394}}""")]
    public async Task Any_other_action_answers_200_and_stores_nothing(string delivery)
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, delivery);

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Theory]
    [InlineData("""{"payload":{}}""", "action")]
    [InlineData("""{"action":7,"payload":{}}""", "action")]
    [InlineData("""[]""", "body")]
    [InlineData("""null""", "body")]
    public async Task A_signed_body_without_an_action_gets_400_naming_it_and_stores_nothing(string delivery, string field)
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, delivery);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        Assert.Equal([field], Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value).Errors.Keys);
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task A_prospect_answers_200_and_is_not_stored()
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, NewApplication.Replace("\"prospect\": false", "\"prospect\": true", StringComparison.Ordinal));

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task A_candidate_who_cannot_be_emailed_is_stored_without_an_acknowledgment()
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, NewApplication.Replace("\"can_email\": true", "\"can_email\": false", StringComparison.Ordinal));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, FunctionRequests.StatusOf(result));
        var view = await IntakeTests.GetAsync(app, IntakeTests.IdOf(result));
        Assert.Equal("skipped", view.Acknowledgment.Status);
        Assert.Equal("candidate-cannot-be-emailed", view.Acknowledgment.SkippedBecause);
        Assert.Empty(app.Sandbox.Tenant.SentMail());
    }

    public static TheoryData<string, string> InvalidApplications() => new()
    {
        { WithAddresses("[]"), "payload.application.candidate.email_addresses" },
        { NewApplication.Replace("\"email_addresses\"", "\"no_email_addresses\"", StringComparison.Ordinal), "payload.application.candidate.email_addresses" },
        { WithAddresses("""[{"value":"wren at example.org","type":"personal"}]"""), "payload.application.candidate.email_addresses[0].value" },
        { NewApplication.Replace("\"Wren\"", "\"Wren\\u202Egnp.exe\"", StringComparison.Ordinal), "payload.application.candidate.first_name" },
        { NewApplication.Replace("\"Okafor-Lind\"", "\"Okafor\\u0007Lind\"", StringComparison.Ordinal), "payload.application.candidate.last_name" },
        { NewApplication.Replace("\"Platform Engineer\"", "\"Platform\\u2066 Engineer\"", StringComparison.Ordinal), "payload.application.jobs[0].name" },
        { NewApplication.Replace("\"jobs\": [{", "\"no_jobs\": [{", StringComparison.Ordinal), "payload.application.jobs" },
        { NewApplication.Replace("talent.recruiter@contoso.com", "tamsin@agency.example", StringComparison.Ordinal), "payload.application.candidate.recruiter.email" },
        { NewApplication.Replace("\"id\": 46194062", "\"id\": \"forty-six\"", StringComparison.Ordinal), "payload.application.id" },
        { """{"action":"new_candidate_application","payload":{}}""", "payload.application" },
    };

    [Theory]
    [MemberData(nameof(InvalidApplications))]
    public async Task An_application_intake_refuses_gets_400_naming_the_payload_field_and_stores_nothing(string delivery, string field)
    {
        await using var app = await StartAsync();

        var result = await DeliverAsync(app, delivery);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        Assert.Contains("application/problem+json", ((ObjectResult)result).ContentTypes);
        var problem = Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value);
        Assert.True(problem.Errors.ContainsKey(field), $"errors name {string.Join(", ", problem.Errors.Keys)}, not {field}");
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task A_delivery_larger_than_the_generic_routes_limit_is_accepted_up_to_one_MiB()
    {
        await using var app = await StartAsync();
        // Long application answers make a real delivery grow past 64 KiB.
        var large = NewApplication.Replace("The on-call rota.", new string('x', 200 * 1024), StringComparison.Ordinal);
        var tooLarge = NewApplication.Replace("The on-call rota.", new string('x', GreenhouseOptions.MaxBodyBytes), StringComparison.Ordinal);

        var accepted = await DeliverAsync(app, large);
        var refused = await DeliverAsync(app, tooLarge);

        Assert.Equal(200, FunctionRequests.StatusOf(accepted));
        Assert.Equal(413, FunctionRequests.StatusOf(refused));
    }

    internal static Task<TestApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?> { ["Intake:Greenhouse:SecretKey"] = SecretKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return TestApp.StartAsync(values, clock: clock);
    }

    /// <summary>Posts a delivery as Greenhouse does: signed with <see cref="SecretKey"/> unless a signature is given ("" for none).</summary>
    internal static Task<IActionResult> DeliverAsync(TestApp app, string delivery, string? signature = null, string eventId = "7f0c9d2e-5b1a-4c3f-9e8d-2a6b4c1d0e9f")
    {
        var body = Encoding.UTF8.GetBytes(delivery);
        var headers = new Dictionary<string, string> { [GreenhouseWebhookFunction.EventIdHeader] = eventId };
        signature ??= GreenhouseSignature.Sign(SecretKey, body);
        if (signature.Length > 0) headers[GreenhouseSignature.HeaderName] = signature;
        return app.Function<GreenhouseWebhookFunction>().Run(FunctionRequests.Raw(body, "application/json", headers), CancellationToken.None);
    }

    internal static string WithAddresses(string addresses)
    {
        const string Given = """[{"value": "wren.okafor@northwind.example", "type": "work"}, {"value": "wren.lind@example.org", "type": "personal"}]""";
        if (!NewApplication.Contains(Given, StringComparison.Ordinal)) throw new InvalidOperationException("The fixture's addresses changed: update WithAddresses.");
        return NewApplication.Replace(Given, addresses, StringComparison.Ordinal);
    }
}
