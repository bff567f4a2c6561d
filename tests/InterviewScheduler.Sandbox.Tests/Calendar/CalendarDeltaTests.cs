using System.Globalization;
using System.Net;
using InterviewScheduler.Sandbox.Calendar;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.CalendarView.Delta;

namespace InterviewScheduler.Sandbox.Tests.Calendar;

/// <summary>calendarView delta through the real Graph SDK: a first full round, then only what changed; each test owns an empty tenant.</summary>
public sealed class CalendarDeltaTests : IAsyncLifetime
{
    private const string Organizer = "interviews@contoso.com";
    private const string Interviewer = "staff.engineer@contoso.com";
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private SandboxServer _server = null!;
    private GraphServiceClient _client = null!;

    private SandboxTenant Tenant => _server.Tenant;

    public async Task InitializeAsync()
    {
        _server = await Graph.EmptyTenantAsync();
        _client = Graph.For(_server);
        Tenant.AddUser(Organizer, "Contoso Interviews", "Europe/London");
        Tenant.AddUser(Interviewer, "Daniel Okafor", "Europe/London");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private SandboxEvent Interview(int day, int hour, string subject = "Interview") =>
        Tenant.CreateEvent(Organizer, new EventDraft
        {
            Subject = $"{subject} {day}/{hour}",
            Start = Monday.AddDays(day).AddHours(hour),
            End = Monday.AddDays(day).AddHours(hour).AddMinutes(45),
            Attendees = [new InvitedAttendee(Interviewer)],
        }).Event;

    /// <summary>Reads one whole round (following nextLinks) and returns its items and the deltaLink.</summary>
    private async Task<(List<Event> Items, int Pages, string DeltaLink)> RoundAsync(string? deltaLink, int? pageSize = null)
    {
        var delta = _client.Users[Organizer].CalendarView.Delta;
        var page = deltaLink is null
            ? await delta.GetAsDeltaGetResponseAsync(request =>
            {
                request.QueryParameters.StartDateTime = Monday.ToString("o", CultureInfo.InvariantCulture);
                request.QueryParameters.EndDateTime = Monday.AddDays(7).ToString("o", CultureInfo.InvariantCulture);
                if (pageSize is { } size) request.Headers.Add("Prefer", $"odata.maxpagesize={size}");
            })
            : await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync();
        var items = new List<Event>();
        var pages = 1;
        while (true)
        {
            items.AddRange(page!.Value ?? []);
            if (page.OdataNextLink is null) return (items, pages, page.OdataDeltaLink!);
            page = await delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync(request =>
            {
                if (pageSize is { } size) request.Headers.Add("Prefer", $"odata.maxpagesize={size}");
            });
            pages++;
        }
    }

    private static bool IsRemoved(Event item) => item.AdditionalData.ContainsKey("@removed");

    [Fact]
    public async Task The_first_round_lists_every_event_in_the_window_page_by_page()
    {
        var inside = Enumerable.Range(0, 5).Select(day => Interview(day, 10)).ToList();
        Interview(9, 10, "Next week");

        var (items, pages, deltaLink) = await RoundAsync(null, pageSize: 2);

        Assert.Equal(inside.Select(e => e.Id), items.Select(e => e.Id));
        Assert.Equal(3, pages);
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
        Assert.All(items, e => Assert.False(IsRemoved(e)));
        Assert.Contains(Tenant.RequestLog, r => r.Query.Contains("$skiptoken=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_page_size_ten_events_fit_a_page()
    {
        for (var i = 0; i < 12; i++) Interview(i % 5, 8 + (i / 5));

        var (items, pages, _) = await RoundAsync(null);

        Assert.Equal((12, 2), (items.Count, pages));
    }

    [Fact]
    public async Task After_a_move_only_the_moved_interview_comes_back()
    {
        var interviews = Enumerable.Range(0, 4).Select(day => Interview(day, 10)).ToList();
        var (_, _, deltaLink) = await RoundAsync(null);

        Tenant.MoveEvent(Organizer, interviews[2].Id, Monday.AddDays(2).AddHours(14), Monday.AddDays(2).AddHours(15));
        var (items, _, next) = await RoundAsync(deltaLink);

        var moved = Assert.Single(items);
        Assert.Equal(interviews[2].Id, moved.Id);
        Assert.Equal("2026-06-03T14:00:00.0000000", moved.Start!.DateTime);
        Assert.Empty((await RoundAsync(next)).Items);
    }

    [Fact]
    public async Task A_cancelled_or_deleted_interview_and_one_moved_out_of_the_window_come_back_as_removed()
    {
        var interviews = Enumerable.Range(0, 4).Select(day => Interview(day, 10)).ToList();
        var (_, _, deltaLink) = await RoundAsync(null);

        Tenant.CancelEvent(Organizer, interviews[0].Id);
        await _client.Users[Organizer].Events[interviews[1].Id].DeleteAsync();
        Tenant.MoveEvent(Organizer, interviews[2].Id, Monday.AddDays(10), Monday.AddDays(10).AddHours(1));
        var added = Interview(4, 16, "Added");
        var (items, _, _) = await RoundAsync(deltaLink);

        Assert.Equal(
            new[] { (added.Id, false), (interviews[0].Id, true), (interviews[1].Id, true), (interviews[2].Id, true) }.OrderBy(i => i.Item2).ThenBy(i => i.Item1, StringComparer.Ordinal),
            items.Select(e => (e.Id!, IsRemoved(e))).OrderBy(i => i.Item2).ThenBy(i => i.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_attendee_response_changes_the_organizers_event_and_comes_back_whole()
    {
        var interview = Interview(1, 10);
        var (_, _, deltaLink) = await RoundAsync(null);

        Tenant.RespondToEvent(Interviewer, interview.Id, AttendeeResponse.Declined);
        var item = Assert.Single((await RoundAsync(deltaLink)).Items);

        Assert.Equal(ResponseType.Declined, item.Attendees!.Single().Status!.Response);
    }

    [Fact]
    public async Task A_delta_link_can_be_read_again_and_an_unknown_token_answers_410()
    {
        var interview = Interview(1, 10);
        var (_, _, deltaLink) = await RoundAsync(null);
        Tenant.MoveEvent(Organizer, interview.Id, Monday.AddDays(1).AddHours(12), Monday.AddDays(1).AddHours(13));

        var first = await RoundAsync(deltaLink);
        var again = await RoundAsync(deltaLink);
        var unknown = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Organizer].CalendarView.Delta
            .WithUrl(_server.GraphBaseUrl + $"/users/{Organizer}/calendarView/delta?$deltatoken=forgotten").GetAsDeltaGetResponseAsync());

        Assert.Equal(first.Items.Select(e => e.Id), again.Items.Select(e => e.Id));
        Assert.Equal((int)HttpStatusCode.Gone, unknown.ResponseStatusCode);
    }

    [Fact]
    public async Task Without_a_window_or_a_token_the_request_is_refused()
    {
        using var http = new HttpClient { BaseAddress = _server.RootUrl };

        using var response = await http.GetAsync($"v1.0/users/{Organizer}/calendarView/delta");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Every_change_to_an_event_raises_its_sequence_number()
    {
        var interview = Interview(1, 10);
        var created = Tenant.ChangeSequenceOf(interview.Id)!.Value;

        Tenant.MoveEvent(Organizer, interview.Id, Monday.AddDays(2), Monday.AddDays(2).AddHours(1));
        var moved = Tenant.ChangeSequenceOf(interview.Id)!.Value;
        Tenant.CancelEvent(Organizer, interview.Id);

        Assert.True(created < moved && moved < Tenant.ChangeSequenceOf(interview.Id));
        Assert.Equal(Tenant.LastChangeSequence, Tenant.ChangeSequenceOf(Tenant.EventsOf(Interviewer).Single().Id));
    }
}
