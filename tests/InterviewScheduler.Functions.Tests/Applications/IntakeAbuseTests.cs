using Azure.Data.Tables;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Functions.Tests.Applications;

/// <summary>
/// What both intake routes refuse or hold back: control and bidirectional characters, recruiters outside the tenant,
/// and more than <c>Intake:MaxPerRecipientPerDay</c> acknowledgments to one address in a UTC day.
/// </summary>
public sealed class IntakeAbuseTests
{
    private static string Body(string name = "Ada Lovelace", string email = "ada@example.org", string roleId = "senior-engineer", string title = "Senior Software Engineer", string? recruiter = null) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            candidate = new { name, email },
            role = new { id = roleId, title },
            recruiterEmail = recruiter,
        });

    public static TheoryData<string, string> RefusedCharacters() => new()
    {
        { Body(name: "Ada \u202Eecalevol"), "candidate.name" },
        { Body(name: "Ada\u2066 Lovelace"), "candidate.name" },
        { Body(name: "Ada\u200FLovelace"), "candidate.name" },
        { Body(name: "Ada\u0000Lovelace"), "candidate.name" },
        { Body(name: "Ada\nBcc: everyone@example.org"), "candidate.name" },
        { Body(name: "Ada\u0085Lovelace"), "candidate.name" },
        { Body(title: "Senior\u0007Engineer"), "role.title" },
        { Body(title: "Senior \u202Dreenigne"), "role.title" },
        { Body(title: "Senior\u2069 Engineer"), "role.title" },
        { Body(roleId: "senior\u001Bengineer"), "role.id" },
    };

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public async Task A_control_or_bidirectional_character_gets_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        await using var app = await TestApp.StartAsync();

        var result = await SubmitAsync(app, body);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        var problem = Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value);
        Assert.Equal([field], problem.Errors.Keys);
        await IntakeTests.AssertUntouchedAsync(app);
    }

    [Fact]
    public async Task A_recruiter_outside_the_tenants_domains_gets_400_naming_recruiterEmail()
    {
        await using var app = await TestApp.StartAsync();

        var outside = await SubmitAsync(app, Body(recruiter: "recruiter@agency.example"));
        var subdomain = await SubmitAsync(app, Body(recruiter: "recruiter@mail.contoso.com"));

        Assert.All([outside, subdomain], r => Assert.Equal(["recruiterEmail"], Assert.IsType<ValidationProblemDetails>(((ObjectResult)r).Value).Errors.Keys));
        await IntakeTests.AssertUntouchedAsync(app);
        // The default domains are the configured mailboxes' (all contoso.com here).
        Assert.Equal(202, FunctionRequests.StatusOf(await SubmitAsync(app, Body(recruiter: "Someone.Else@Contoso.com"))));
    }

    [Fact]
    public async Task Configured_recruiter_domains_replace_the_mailboxes_domains()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Intake:RecruiterDomains"] = "fabrikam.example, northwind.example" });

        var inside = await SubmitAsync(app, Body(recruiter: "lead@northwind.example"));
        var mailboxDomain = await SubmitAsync(app, Body(email: "grace@example.org", recruiter: "talent.recruiter@contoso.com"));

        Assert.Equal(202, FunctionRequests.StatusOf(inside));
        Assert.Equal(400, FunctionRequests.StatusOf(mailboxDomain));
    }

    [Fact]
    public async Task Past_the_daily_cap_new_applications_are_stored_without_an_acknowledgment_until_the_next_utc_day()
    {
        var time = new FakeTimeProvider(TestClock.DefaultStart.AddHours(15)); // 23:00 UTC
        await using var app = await TestApp.StartAsync(clock: time);

        var first = await SubmitAsync(app, Body(roleId: "r1"));
        var duplicate = await SubmitAsync(app, Body(roleId: "r1"));
        var second = await SubmitAsync(app, Body(email: "ADA@Example.org", roleId: "r2"));
        var third = await SubmitAsync(app, Body(roleId: "r3"));
        var fourth = await SubmitAsync(app, Body(roleId: "r4"));
        var otherAddress = await SubmitAsync(app, Body(email: "grace@example.org", roleId: "r4"));
        time.Advance(TimeSpan.FromHours(1)); // 00:00 UTC the next day
        var nextDay = await SubmitAsync(app, Body(roleId: "r5"));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, FunctionRequests.StatusOf(duplicate));
        Assert.All([first, second, third, otherAddress, nextDay], r => Assert.Equal("pending", AnswerOf(r).Acknowledgment));
        Assert.Equal(202, FunctionRequests.StatusOf(fourth));
        Assert.Equal("skipped", AnswerOf(fourth).Acknowledgment);
        var skipped = await IntakeTests.GetAsync(app, AnswerOf(fourth).ApplicationId);
        Assert.Equal(("skipped", "recipient-daily-limit"), (skipped.Acknowledgment.Status, skipped.Acknowledgment.SkippedBecause));
        Assert.Equal(6, await IntakeTests.CountAsync(app, app.Names.ApplicationsTable));
        Assert.Equal(5, app.Sandbox.Tenant.SentMail().Count);
        Assert.Equal(4, app.Sandbox.Tenant.SentMail().Count(m => m.ToRecipients.Any(r => r.Address.Equals("ada@example.org", StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public async Task Twenty_applications_at_once_for_one_address_send_at_most_the_cap()
    {
        await using var app = await TestApp.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SubmitAsync(app, Body(roleId: $"role-{i}"))));
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal(202, FunctionRequests.StatusOf(r)));
        Assert.Equal(3, results.Count(r => AnswerOf(r).Acknowledgment == "pending"));
        Assert.Equal(17, results.Count(r => AnswerOf(r).Acknowledgment == "skipped"));
        Assert.Equal(20, await IntakeTests.CountAsync(app, app.Names.ApplicationsTable));
        Assert.Equal(3, app.Sandbox.Tenant.SentMail().Count);
    }

    [Fact]
    public async Task The_cap_is_shared_by_both_routes_and_greenhouse_still_gets_200()
    {
        await using var app = await GreenhouseTests.StartAsync(new Dictionary<string, string?> { ["Intake:MaxPerRecipientPerDay"] = "2" });

        await SubmitAsync(app, Body(email: "wren.lind@example.org", roleId: "r1"));
        await SubmitAsync(app, Body(email: "Wren.Lind@example.org", roleId: "r2"));
        var greenhouse = await GreenhouseTests.DeliverAsync(app, GreenhouseTests.NewApplication);
        await app.DeliverAcknowledgmentsAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, FunctionRequests.StatusOf(greenhouse));
        Assert.Equal("skipped", AnswerOf(greenhouse).Acknowledgment);
        Assert.Equal("greenhouse", (await IntakeTests.GetAsync(app, AnswerOf(greenhouse).ApplicationId)).Source);
        Assert.Equal(2, app.Sandbox.Tenant.SentMail().Count);
    }

    [Fact]
    public async Task The_count_is_kept_under_a_hash_never_the_address()
    {
        await using var app = await TestApp.StartAsync();

        await SubmitAsync(app, Body(email: "ada.private@example.org"));

        var table = app.Storage.Table(app.Names.RecipientAllowanceTable);
        var row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("20261116", row.RowKey);
        Assert.Equal(64, row.PartitionKey.Length);
        Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains("ada.private", StringComparison.OrdinalIgnoreCase) == true);
        Assert.DoesNotContain("ada.private", row.PartitionKey, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<IActionResult> SubmitAsync(TestApp app, string body) =>
        app.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(body), CancellationToken.None);

    private static SubmitApplicationFunction.SubmissionAnswer AnswerOf(IActionResult result) =>
        Assert.IsType<SubmitApplicationFunction.SubmissionAnswer>(((ObjectResult)result).Value);
}
