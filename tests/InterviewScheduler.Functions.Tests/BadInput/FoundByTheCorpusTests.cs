using System.Text;
using InterviewScheduler.Functions.Applications;
using InterviewScheduler.Functions.Applications.Greenhouse;
using InterviewScheduler.Functions.Directory;
using InterviewScheduler.Functions.Interviews;
using InterviewScheduler.Functions.Notifications;
using InterviewScheduler.Functions.SelfScheduling;
using InterviewScheduler.Functions.Tests.Applications;
using InterviewScheduler.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace InterviewScheduler.Functions.Tests.BadInput;

/// <summary>
/// The inputs the bad input corpus shrank its failures to, kept as facts: each was a 500, a 2xx, or a change stored,
/// before the fix that came with it. Each now answers the problem named, and changes nothing.
/// </summary>
public sealed class FoundByTheCorpusTests(CorpusWorld world) : IClassFixture<CorpusWorld>
{
    private const string Intake = """{"candidate":{"name":"Grace Hopper","email":"grace@example.org"},"role":{"id":"compiler-lead","title":"Compiler Lead"}}""";

    private const string PanelOf = """{"sessions":[{"title":"@title","interviewers":[{"email":"@email"}]}]@more}""";

    private static byte[] Panel(string title = "Technical panel", string email = "lead.engineer@contoso.com", string more = "") =>
        Encoding.UTF8.GetBytes(PanelOf.Replace("@title", title, StringComparison.Ordinal).Replace("@email", email, StringComparison.Ordinal).Replace("@more", more, StringComparison.Ordinal));

    [Fact]
    public Task An_application_with_bytes_that_are_not_utf8_was_stored_and_is_now_400_body() =>
        world.CheckAsync(
            () => world.App.Function<SubmitApplicationFunction>().Run(FunctionRequests.Raw([.. Encoding.UTF8.GetBytes(Intake[..60]), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(Intake[60..])], "application/json"), CancellationToken.None),
            r => AssertFields(r, "body"));

    [Fact]
    public Task A_null_application_named_no_field_and_now_names_body() =>
        world.CheckAsync(() => world.App.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json("null"), CancellationToken.None), r => AssertFields(r, "body"));

    [Fact]
    public Task A_content_type_that_only_starts_like_json_was_accepted_and_is_now_415() =>
        world.CheckAsync(() => world.App.Function<SubmitApplicationFunction>().Run(FunctionRequests.Json(Intake, "application/jsonx"), CancellationToken.None), r => AssertStatus(r, 415));

    [Fact]
    public Task A_greenhouse_name_with_a_lone_surrogate_was_a_500_and_is_now_400_naming_it()
    {
        var body = Encoding.UTF8.GetBytes("""{"action":"new_candidate_application","payload":{"application":{"id":46194062,"candidate":{"first_name":"Wren","last_name":"Okafor\udc00-Lind","email_addresses":[{"value":"wren.lind@example.org"}]},"jobs":[{"id":211706,"name":"Platform Engineer"}]}}}""");
        var headers = new Dictionary<string, string> { [GreenhouseSignature.HeaderName] = GreenhouseSignature.Sign(GreenhouseTests.SecretKey, body) };
        return world.CheckAsync(
            () => world.App.Function<GreenhouseWebhookFunction>().Run(FunctionRequests.Raw(body, "application/json", headers), CancellationToken.None),
            r => AssertFields(r, "payload.application.candidate.last_name"));
    }

    [Theory]
    [InlineData("Technical\u2066 panel", "lead.engineer@contoso.com", "", "sessions[0].title")]
    [InlineData("Technical panel", "lead.engineer@contoso.co\u2068m", "", "sessions[0].interviewers[0].email")]
    [InlineData("Technical panel", "lead.engineer@contoso.com", ""","window":{"start":"9999-12-01T00:00:00Z","end":"9999-12-31T23:59:59Z"}""", "window.end")]
    public async Task A_panel_with_a_bidi_character_or_a_window_in_year_9999_was_booked_or_a_500_and_is_now_400(string title, string email, string more, string field)
    {
        await world.CheckAsync(() => world.App.Function<InterviewOptionsFunction>().Run(FunctionRequests.Raw(Panel(title, email, more), "application/json"), world.ApplicationId, CancellationToken.None), r => AssertFields(r, field));
        await world.CheckAsync(() => world.App.Function<BookInterviewsFunction>().Run(FunctionRequests.Raw(Panel(title, email, more), "application/json"), world.ApplicationId, CancellationToken.None), r => AssertFields(r, field));
    }

    [Fact]
    public Task A_booking_with_an_unknown_interviewer_moved_the_timeline_and_now_changes_nothing() =>
        world.CheckAsync(
            () => world.App.Function<BookInterviewsFunction>().Run(FunctionRequests.Raw(Panel(email: "nobody.here@contoso.com"), "application/json"), world.ApplicationId, CancellationToken.None),
            r => AssertFields(r, "sessions[0].interviewers[0].email"));

    [Theory]
    [InlineData(""","expiresInHours":-613792892""", "expiresInHours")]
    [InlineData(",\"start\":\"2099-01-01T00:00:00Z\"", "start")]
    public Task An_offer_with_hours_past_a_timespan_or_a_start_outside_the_window_was_a_500_and_is_now_400(string more, string field) =>
        world.CheckAsync(
            () => world.App.Function<OfferSelfSchedulingFunction>().Run(FunctionRequests.Raw(Panel(more: more), "application/json"), world.ApplicationId, CancellationToken.None),
            r => AssertFields(r, field));

    [Fact]
    public Task A_pick_with_bytes_that_are_not_utf8_in_a_member_name_was_booked_and_is_now_400_body()
    {
        byte[] body = [.. "{\"start\":\"2026-11-18T10:00:00Z\",\"timeZone"u8, 0xFF, .. "\":\"Europe/London\"}"u8];
        var headers = new Dictionary<string, string> { [SelfSchedulingProblems.LinkHeader] = world.Token };
        return world.CheckAsync(
            () => world.App.Function<PickTimeFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Raw(body, "application/json", headers)), CancellationToken.None),
            r => AssertFields(r, "body"));
    }

    [Theory]
    [InlineData("""{"value":[null]}""")]
    [InlineData("""{"value":"@state"}""")]
    public async Task A_notification_batch_with_a_null_was_a_500_and_every_non_batch_now_names_value(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.Replace("@state", TestApp.ClientState, StringComparison.Ordinal));
        await world.CheckAsync(() => world.App.Function<CalendarNotificationFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Raw(bytes, "application/json")), CancellationToken.None), r => AssertFields(r, "value"));
        await world.CheckAsync(() => world.App.Function<LifecycleNotificationFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Raw(bytes, "application/json")), CancellationToken.None), r => AssertFields(r, "value"));
    }

    [Fact]
    public Task A_notification_that_is_not_utf8_had_its_event_id_read_with_U_FFFD_and_is_now_refused()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes($$"""{"value":[{"clientState":"{{TestApp.ClientState}}","changeType":"updated","resourceData":{"id":"AAMk"""), 0xFF, .. "\"}}]}"u8];
        return world.CheckAsync(() => world.App.Function<CalendarNotificationFunction>().Run(FunctionRequests.Anonymous(FunctionRequests.Raw(body, "application/json")), CancellationToken.None), r => AssertFields(r, "value"));
    }

    [Fact]
    public Task A_people_search_with_a_bidi_mark_was_sent_to_graph_and_is_now_400() =>
        world.CheckAsync(() => world.App.Function<SearchPeopleFunction>().Run(FunctionRequests.Get("/api/people", "?search=" + Uri.EscapeDataString("ad\u061Ca lovelace")), CancellationToken.None), r => AssertFields(r, "search"));

    [Fact]
    public Task A_role_filter_with_a_nul_answered_an_empty_list_and_is_now_400()
    {
        var request = FunctionRequests.Get("/api/applications");
        request.Query = new QueryCollection(new Dictionary<string, StringValues> { ["role"] = "com\0piler-lead" });
        return world.CheckAsync(() => world.App.Function<ListApplicationsFunction>().Run(request, CancellationToken.None), r => AssertFields(r, "role"));
    }

    private static void AssertFields(IActionResult result, params string[] fields)
    {
        CorpusWorld.AssertProblem(result);
        Assert.Equal(fields, Assert.IsType<ValidationProblemDetails>(((ObjectResult)result).Value).Errors.Keys);
    }

    private static void AssertStatus(IActionResult result, int status)
    {
        CorpusWorld.AssertProblem(result);
        Assert.Equal(status, FunctionRequests.StatusOf(result));
    }
}
