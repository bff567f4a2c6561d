using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace InterviewScheduler.Sandbox.Tests.Calendar;

/// <summary>Each test owns an empty tenant: calendars are the state under test.</summary>
public sealed class EventTests : IAsyncLifetime
{
    private const string Organizer = "interviews@contoso.com";
    private const string Interviewer = "lead.engineer@contoso.com";
    private const string Candidate = "candidate@example.com";
    private static readonly DateTime Nine = new(2026, 6, 1, 9, 0, 0);

    private SandboxServer _server = null!;
    private GraphServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await Graph.EmptyTenantAsync();
        _server.Tenant.AddUser(Organizer, "Contoso Interviews", "Europe/London");
        _server.Tenant.AddUser(Interviewer, "Amelia Hart", "Europe/London");
        _client = Graph.For(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Created_event_has_Graphs_shape_and_a_Teams_join_url()
    {
        var created = await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Interview", Nine, TimeSpan.FromMinutes(45), Interviewer, Candidate));

        Assert.NotNull(created);
        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.False(string.IsNullOrEmpty(created.ICalUId));
        Assert.False(string.IsNullOrEmpty(created.ChangeKey));
        Assert.Equal(Organizer, created.Organizer?.EmailAddress?.Address);
        Assert.Equal(2, created.Attendees?.Count);
        Assert.True(created.IsOnlineMeeting);
        Assert.Equal(OnlineMeetingProviderType.TeamsForBusiness, created.OnlineMeetingProvider);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", created.OnlineMeeting?.JoinUrl, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(created.OnlineMeeting?.JoinUrl, UriKind.Absolute));
        Assert.Equal("2026-06-01T09:00:00.0000000", created.Start?.DateTime);
        Assert.Equal("UTC", created.Start?.TimeZone);
        Assert.Equal(FreeBusyStatus.Busy, created.ShowAs);

        var read = await _client.Users[Organizer].Events[created.Id].GetAsync();
        Assert.Equal(created.ICalUId, read?.ICalUId);
    }

    [Fact]
    public async Task Repeated_transaction_id_returns_the_event_already_created()
    {
        // A fresh body each time: the SDK re-sends only changed properties of a model it already sent.
        Event Meeting()
        {
            var meeting = Graph.Meeting("Interview", Nine, TimeSpan.FromMinutes(45), Interviewer);
            meeting.TransactionId = "application-17-session-1";
            return meeting;
        }

        var first = await _client.Users[Organizer].Events.PostAsync(Meeting());
        var second = await _client.Users[Organizer].Calendar.Events.PostAsync(Meeting());

        Assert.Equal(first?.Id, second?.Id);
        var events = await _client.Users[Organizer].Events.GetAsync();
        Assert.Single(events!.Value!);
        Assert.Single(_server.Tenant.EventsOf(Interviewer));
    }

    [Fact]
    public async Task Attendee_sees_the_event_in_their_calendar_and_their_free_busy_turns_busy()
    {
        var before = await FreeBusy(Interviewer);
        Assert.Equal("00", before);

        var created = await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Interview", Nine, TimeSpan.FromHours(1), Interviewer));

        var theirs = await _client.Users[Interviewer].Events.GetAsync();
        var copy = Assert.Single(theirs!.Value!);
        Assert.Equal(created!.ICalUId, copy.ICalUId);
        Assert.NotEqual(created.Id, copy.Id);
        Assert.False(copy.IsOrganizer);
        Assert.Equal(ResponseType.NotResponded, copy.ResponseStatus?.Response);
        Assert.Equal("22", await FreeBusy(Interviewer));
    }

    [Fact]
    public async Task Cancel_by_the_organizer_propagates_and_frees_the_time()
    {
        var created = await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Interview", Nine, TimeSpan.FromHours(1), Interviewer));
        await _client.Users[Organizer].Events[created!.Id].Cancel.PostAsync(new CancelPostRequestBody { Comment = "Candidate withdrew" });

        var gone = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Organizer].Events[created.Id].GetAsync());
        Assert.Equal(404, gone.ResponseStatusCode);
        var copy = Assert.Single((await _client.Users[Interviewer].Events.GetAsync())!.Value!);
        Assert.True(copy.IsCancelled);
        Assert.StartsWith("Canceled: ", copy.Subject, StringComparison.Ordinal);
        Assert.Equal("00", await FreeBusy(Interviewer));
    }

    [Fact]
    public async Task Update_by_the_organizer_moves_the_attendee_copy_and_changes_the_change_key()
    {
        var created = await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Interview", Nine, TimeSpan.FromHours(1), Interviewer));
        var updated = await _client.Users[Organizer].Events[created!.Id].PatchAsync(new Event
        {
            Start = Graph.At(Nine.AddHours(2)),
            End = Graph.At(Nine.AddHours(3)),
        });

        Assert.NotEqual(created.ChangeKey, updated?.ChangeKey);
        Assert.Equal("2026-06-01T11:00:00.0000000", updated?.Start?.DateTime);
        var copy = Assert.Single((await _client.Users[Interviewer].Events.GetAsync())!.Value!);
        Assert.Equal("2026-06-01T11:00:00.0000000", copy.Start?.DateTime);
        Assert.Equal("00", await FreeBusy(Interviewer));
    }

    [Fact]
    public async Task Event_times_are_read_in_the_zone_the_client_names()
    {
        var meeting = Graph.Meeting("Interview", Nine, TimeSpan.FromHours(1));
        meeting.Start = Graph.At(new DateTime(2026, 6, 1, 9, 0, 0), "Eastern Standard Time");
        meeting.End = Graph.At(new DateTime(2026, 6, 1, 10, 0, 0), "America/New_York");

        var created = await _client.Users[Organizer].Events.PostAsync(meeting);

        // New York is UTC-4 in June.
        Assert.Equal("2026-06-01T13:00:00.0000000", created?.Start?.DateTime);
        Assert.Equal("2026-06-01T14:00:00.0000000", created?.End?.DateTime);
        Assert.Equal("Eastern Standard Time", created?.OriginalStartTimeZone);
    }

    [Fact]
    public async Task A_time_in_the_spring_forward_gap_moves_forward_and_an_overlap_takes_the_first_occurrence()
    {
        // London skips 01:00-02:00 on 29 March 2026 and repeats 01:00-02:00 on 25 October 2026.
        var gap = Graph.Meeting("Gap", Nine, TimeSpan.FromHours(1));
        gap.Start = Graph.At(new DateTime(2026, 3, 29, 1, 30, 0), "Europe/London");
        gap.End = Graph.At(new DateTime(2026, 3, 29, 3, 0, 0), "Europe/London");
        var overlap = Graph.Meeting("Overlap", Nine, TimeSpan.FromHours(1));
        overlap.Start = Graph.At(new DateTime(2026, 10, 25, 1, 30, 0), "Europe/London");
        overlap.End = Graph.At(new DateTime(2026, 10, 25, 3, 0, 0), "Europe/London");

        var inGap = await _client.Users[Organizer].Events.PostAsync(gap);
        var inOverlap = await _client.Users[Organizer].Events.PostAsync(overlap);

        Assert.Equal("2026-03-29T01:30:00.0000000", inGap?.Start?.DateTime);        // 02:30 BST
        Assert.Equal("2026-10-25T00:30:00.0000000", inOverlap?.Start?.DateTime);    // 01:30 BST, the first one
    }

    [Fact]
    public async Task Attendee_accept_through_Graph_shows_on_the_organizers_event()
    {
        var created = await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Interview", Nine, TimeSpan.FromHours(1), Interviewer));
        var copy = Assert.Single((await _client.Users[Interviewer].Events.GetAsync())!.Value!);

        await _client.Users[Interviewer].Events[copy.Id].Accept.PostAsync(new Microsoft.Graph.Users.Item.Events.Item.Accept.AcceptPostRequestBody { SendResponse = true });

        var organizers = await _client.Users[Organizer].Events[created!.Id].GetAsync();
        Assert.Equal(ResponseType.Accepted, organizers?.Attendees?.Single().Status?.Response);
    }

    [Fact]
    public async Task Events_can_be_filtered_by_iCalUId_and_paged_with_top()
    {
        var first = await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("One", Nine, TimeSpan.FromHours(1)));
        await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Two", Nine.AddHours(2), TimeSpan.FromHours(1)));
        await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Three", Nine.AddHours(4), TimeSpan.FromHours(1)));

        var filtered = await _client.Users[Organizer].Events.GetAsync(c => c.QueryParameters.Filter = $"iCalUId eq '{first!.ICalUId}'");
        Assert.Equal("One", Assert.Single(filtered!.Value!).Subject);

        var page = await _client.Users[Organizer].Events.GetAsync(c => c.QueryParameters.Top = 2);
        Assert.Equal(2, page?.Value?.Count);
        Assert.NotNull(page?.OdataNextLink);
    }

    [Fact]
    public async Task Deleting_an_unknown_event_is_ErrorItemNotFound()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _client.Users[Organizer].Events["AAMkAGI2nothing"].DeleteAsync());
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error?.Code);
    }

    private async Task<string?> FreeBusy(string person)
    {
        var answer = await _client.Users[Organizer].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new GetSchedulePostRequestBody
        {
            Schedules = [person],
            StartTime = Graph.At(Nine),
            EndTime = Graph.At(Nine.AddHours(1)),
            AvailabilityViewInterval = 30,
        });
        return answer?.Value?.Single().AvailabilityView;
    }
}
