using System.Text.Json;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Directory;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Functions.Tests.Interviews;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Mvc;

namespace InterviewScheduler.Functions.Tests.Workspace;

/// <summary>The routes the recruiter's workspace reads: the application list, people search, options with time zones.</summary>
public sealed class WorkspaceApiTests
{
    [Fact]
    public async Task The_list_is_newest_first_filters_by_status_and_role_and_carries_each_timeline()
    {
        await using var app = await TestApp.StartAsync();
        var first = await BookingTests.ApplyAsync(app, "Ada Lovelace");
        var second = IntakeTests.IdOf(await app.Function<SubmitApplicationFunction>().Run(
            FunctionRequests.Json("""{"candidate":{"name":"Grace Hopper","email":"grace@example.org"},"role":{"id":"staff-engineer","title":"Staff Engineer"}}"""), CancellationToken.None));
        var booked = await BookingTests.BookAsync(app, first, JsonSerializer.Serialize(new { sessions = new[] { new { interviewers = new[] { new { email = "lead.engineer@contoso.com" } } } } }));
        Assert.Equal(201, FunctionRequests.StatusOf(booked));

        var all = await ListAsync(app, null);
        var scheduled = await ListAsync(app, "?status=scheduled");
        var staff = await ListAsync(app, "?role=staff-engineer");

        Assert.Equal([second, first], all.Applications.Select(a => a.ApplicationId));
        Assert.Equal([first], scheduled.Applications.Select(a => a.ApplicationId));
        Assert.Equal([second], staff.Applications.Select(a => a.ApplicationId));
        var timeline = scheduled.Applications[0].Timeline;
        Assert.NotNull(timeline.BookedAt);
        Assert.Equal(scheduled.Applications[0].Interviews[0].Start, timeline.FirstInterviewAt);
        Assert.Equal(scheduled.Applications[0].Debrief!.Start, timeline.DebriefAt);
    }

    [Theory]
    [InlineData("?status=archived", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?limit=ten", "limit")]
    public async Task A_bad_list_query_is_a_400_naming_it(string query, string field)
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Function<ListApplicationsFunction>().Run(FunctionRequests.Get("/api/applications", query), CancellationToken.None);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        Assert.Contains(field, Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value).Errors.Keys);
    }

    [Fact]
    public async Task People_are_found_by_a_word_of_their_name_or_address_through_graph_search()
    {
        await using var app = await TestApp.StartAsync();

        var byName = await SearchAsync(app, "lead");
        var none = await SearchAsync(app, "zzzz");

        Assert.Contains(byName.People, p => p.Email == "lead.engineer@contoso.com");
        Assert.Empty(none.People);
        // Graph takes $search on users only as an advanced query: the request carried ConsistencyLevel (the sandbox refuses it otherwise).
        Assert.Contains(app.Sandbox.Tenant.RequestLog, r => r.Path.EndsWith("/users", StringComparison.Ordinal) && r.Status == 200);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    public async Task A_search_too_short_is_a_400_naming_it(string text)
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Function<SearchPeopleFunction>().Run(FunctionRequests.Get("/api/people", "?search=" + text), CancellationToken.None);

        Assert.Equal(400, FunctionRequests.StatusOf(result));
        Assert.Contains("search", Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value).Errors.Keys);
    }

    [Fact]
    public async Task Options_carry_each_persons_time_zone_and_the_candidates()
    {
        await using var app = await TestApp.StartAsync();
        var applicationId = await BookingTests.ApplyAsync(app);
        var body = JsonSerializer.Serialize(new { sessions = new[] { new { interviewers = new[] { new { email = "lead.engineer@contoso.com" }, new { email = "product.manager@contoso.com" } } } } });

        var result = await app.Function<InterviewOptionsFunction>().Run(FunctionRequests.Json(body), applicationId, CancellationToken.None);

        var answer = Assert.IsType<OptionsAnswer>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal("Europe/London", answer.TimeZones["lead.engineer@contoso.com"]);
        Assert.Equal("America/New_York", answer.TimeZones["product.manager@contoso.com"]);
        Assert.Equal("Europe/London", answer.CandidateTimeZone);
    }

    private static async Task<ApplicationList> ListAsync(TestApp app, string? query) =>
        Assert.IsType<ApplicationList>(Assert.IsType<OkObjectResult>(await app.Function<ListApplicationsFunction>().Run(FunctionRequests.Get("/api/applications", query), CancellationToken.None)).Value);

    private static async Task<PeopleAnswer> SearchAsync(TestApp app, string text) =>
        Assert.IsType<PeopleAnswer>(Assert.IsType<OkObjectResult>(await app.Function<SearchPeopleFunction>().Run(FunctionRequests.Get("/api/people", "?search=" + text), CancellationToken.None)).Value);
}
