using System.Text;
using Azure.Data.Tables;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.Applications;

/// <summary><c>POST /api/applications</c> and <c>GET /api/applications/{id}</c>, on Azurite and the sandbox tenant.</summary>
public sealed class IntakeTests
{
    private const string Ada = """
        {"candidate":{"name":"Ada Lovelace","email":"ada@example.org","timeZone":"Europe/London"},
         "role":{"id":"senior-engineer","title":"Senior Software Engineer"},"source":"careers-site","externalId":"12345"}
        """;

    [Fact]
    public async Task A_new_application_is_accepted_with_its_location_and_stored()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(Ada), CancellationToken.None);

        var accepted = Assert.IsType<AcceptedResult>(result);
        var answer = Assert.IsType<SubmitApplicationFunction.SubmissionAnswer>(accepted.Value);
        Assert.Equal($"/api/applications/{answer.ApplicationId}", accepted.Location);
        Assert.Equal("received", answer.Status);
        var view = await GetAsync(app, answer.ApplicationId);
        Assert.Equal("Ada Lovelace", view.Candidate.Name);
        Assert.Equal("Europe/London", view.Candidate.TimeZone);
        Assert.Equal("careers-site", view.Source);
        Assert.Equal("pending", view.Acknowledgment.Status);
    }

    [Fact]
    public async Task Ten_identical_posts_at_once_give_one_application_and_one_email()
    {
        await using var app = await TestApp.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(Ada), CancellationToken.None)));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        var ids = results.Select(r => Assert.IsType<SubmitApplicationFunction.SubmissionAnswer>(((ObjectResult)r).Value).ApplicationId).Distinct().ToList();
        Assert.Single(ids);
        Assert.Single(results, r => r is AcceptedResult);
        Assert.Equal(9, results.Count(r => FunctionRequests.StatusOf(r) == 200));
        Assert.Equal(1, await CountAsync(app, app.Names.ApplicationsTable));
        Assert.Single(app.Sandbox.Tenant.SentMail());
    }

    [Fact]
    public async Task Without_an_external_id_the_same_email_and_role_is_a_duplicate()
    {
        await using var app = await TestApp.StartAsync();
        const string first = """{"candidate":{"name":"Grace Hopper","email":"Grace.Hopper@Example.org"},"role":{"id":"compiler-lead","title":"Compiler Lead"}}""";
        const string again = """{"candidate":{"name":"Grace B. Hopper","email":" grace.hopper@example.org "},"role":{"id":"compiler-lead","title":"Compiler Lead"}}""";
        const string otherRole = """{"candidate":{"name":"Grace Hopper","email":"grace.hopper@example.org"},"role":{"id":"navy-liaison","title":"Liaison"}}""";

        var one = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(first), CancellationToken.None);
        var two = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(again), CancellationToken.None);
        var three = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(otherRole), CancellationToken.None);

        Assert.Equal(202, FunctionRequests.StatusOf(one));
        Assert.Equal(200, FunctionRequests.StatusOf(two));
        Assert.Equal(IdOf(one), IdOf(two));
        Assert.Equal(202, FunctionRequests.StatusOf(three));
        Assert.NotEqual(IdOf(one), IdOf(three));
    }

    [Fact]
    public async Task A_windows_time_zone_is_stored_as_its_iana_id()
    {
        await using var app = await TestApp.StartAsync();
        const string body = """{"candidate":{"name":"Ada","email":"ada.w@example.org","timeZone":"W. Europe Standard Time"},"role":{"id":"r","title":"R"}}""";

        var result = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);

        Assert.Equal("Europe/Berlin", (await GetAsync(app, IdOf(result))).Candidate.TimeZone);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"candidate":{"name":"Ada","email":"ada@example"},"role":{"id":"r","title":"R"}}""", "candidate.email" },
        { """{"candidate":{"name":"Ada","email":"not an email"},"role":{"id":"r","title":"R"}}""", "candidate.email" },
        { """{"candidate":{"email":"ada@example.org"},"role":{"id":"r","title":"R"}}""", "candidate.name" },
        { """{"candidate":{"name":"Ada","email":"ada@example.org"},"role":{"title":"R"}}""", "role.id" },
        { """{"candidate":{"name":"Ada","email":"ada@example.org"},"role":{"id":"r"}}""", "role.title" },
        { """{"candidate":{"name":"Ada","email":"ada@example.org","timeZone":"Mars/Olympus_Mons"},"role":{"id":"r","title":"R"}}""", "candidate.timeZone" },
        { $$$"""{"candidate":{"name":"{{{new string('x', 201)}}}","email":"ada@example.org"},"role":{"id":"r","title":"R"}}""", "candidate.name" },
        { $$$"""{"candidate":{"name":"Ada","email":"ada@example.org"},"role":{"id":"r","title":"R"},"externalId":"{{{new string('7', 201)}}}"}""", "externalId" },
        { """{"candidate":{"name":"Ada","email":"ada@example.org"},"role":{"id":"r","title":"R"}""", "body" },
        { """{"candidate":{"name":42,"email":"ada@example.org"},"role":{"id":"r","title":"R"}}""", "candidate.name" },
        { "null", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Bad_input_gets_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);

        var problem = Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value);
        Assert.Equal(400, FunctionRequests.StatusOf(result));
        Assert.Contains("application/problem+json", ((ObjectResult)result).ContentTypes);
        Assert.True(problem.Errors.ContainsKey(field), $"errors name {string.Join(", ", problem.Errors.Keys)}, not {field}");
        await AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task A_body_over_64_KiB_gets_413_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var body = Ada.Replace("Ada Lovelace", new string('a', 150), StringComparison.Ordinal) + new string(' ', 64 * 1024);

        var result = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);

        Assert.Equal(413, FunctionRequests.StatusOf(result));
        await AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json("name=Ada", "application/x-www-form-urlencoded"), CancellationToken.None);

        Assert.Equal(415, FunctionRequests.StatusOf(result));
        await AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task With_a_signing_secret_a_wrong_or_missing_signature_gets_401_and_a_right_one_is_accepted()
    {
        const string secret = "test-signing-secret";
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Intake:SigningSecret"] = secret });
        var body = Encoding.UTF8.GetBytes(Ada);
        var wrong = WebhookSignature.Sign("another-secret", body);

        var missing = await app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Raw(body, "application/json"), CancellationToken.None);
        var forged = await app.Function<SubmitApplicationFunction>().Run(
            FunctionRequests.Raw(body, "application/json", new Dictionary<string, string> { [WebhookSignature.HeaderName] = wrong }), CancellationToken.None);

        Assert.Equal(401, FunctionRequests.StatusOf(missing));
        Assert.Equal(401, FunctionRequests.StatusOf(forged));
        await AssertUntouchedAsync(app);

        var signed = await app.Function<SubmitApplicationFunction>().Run(
            FunctionRequests.Raw(body, "application/json", new Dictionary<string, string> { [WebhookSignature.HeaderName] = WebhookSignature.Sign(secret, body) }), CancellationToken.None);
        Assert.Equal(202, FunctionRequests.StatusOf(signed));
    }

    [Fact]
    public async Task An_unknown_application_id_gets_404_problem()
    {
        await using var app = await TestApp.StartAsync();

        var unknown = await app.Function<GetApplicationFunction>().Run(FunctionRequests.Get(), "0123456789abcdef0123456789abcdef", CancellationToken.None);
        var malformed = await app.Function<GetApplicationFunction>().Run(FunctionRequests.Get(), "../applications", CancellationToken.None);

        Assert.Equal(404, FunctionRequests.StatusOf(unknown));
        Assert.Equal(404, FunctionRequests.StatusOf(malformed));
        Assert.Contains("application/problem+json", ((ObjectResult)unknown).ContentTypes);
    }

    internal static string IdOf(IActionResult result) =>
        Assert.IsType<SubmitApplicationFunction.SubmissionAnswer>(((ObjectResult)result).Value).ApplicationId;

    internal static async Task<ApplicationView> GetAsync(TestApp app, string id)
    {
        var result = await app.Function<GetApplicationFunction>().Run(FunctionRequests.Get(), id, CancellationToken.None);
        return Assert.IsType<ApplicationView>(Assert.IsType<OkObjectResult>(result).Value);
    }

    internal static async Task<int> CountAsync(TestApp app, string table)
    {
        var client = app.Storage.Table(table);
        await client.CreateIfNotExistsAsync();
        return await client.QueryAsync<TableEntity>().CountAsync();
    }

    internal static async Task AssertUntouchedAsync(TestApp app)
    {
        Assert.Equal(0, await CountAsync(app, app.Names.ApplicationsTable));
        Assert.Equal(0, await CountAsync(app, app.Names.ApplicationKeysTable));
        var queue = app.Storage.Queue(app.Names.AcknowledgmentsQueue);
        Assert.False(await queue.ExistsAsync() && (await queue.PeekMessagesAsync()).Value.Length > 0, "something was queued");
        Assert.Empty(app.Sandbox.Tenant.SentMail());
        Assert.DoesNotContain(app.Sandbox.Tenant.RequestLog, r => r.Path.Contains("sendMail", StringComparison.OrdinalIgnoreCase));
    }
}
