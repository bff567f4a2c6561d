using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace InterviewScheduler.Sandbox.Tests.Control;

/// <summary>The control API over plain HTTP, acting as people in Outlook would; each test owns an empty tenant.</summary>
public sealed class ControlApiTests : IAsyncLifetime
{
    private const string Organizer = "interviews@contoso.com";
    private const string Interviewer = "staff.engineer@contoso.com";
    private const string Candidate = "candidate@example.com";
    private static readonly DateTime Ten = new(2026, 6, 2, 10, 0, 0);

    private SandboxServer _server = null!;
    private GraphServiceClient _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await Graph.EmptyTenantAsync();
        _client = Graph.For(_server);
        _http = new HttpClient { BaseAddress = _server.RootUrl };
        (await _http.PostAsJsonAsync("sandbox/users", new { address = Organizer, displayName = "Contoso Interviews", timeZone = "Europe/London" })).EnsureSuccessStatusCode();
        using var added = await _http.PostAsJsonAsync("sandbox/users", new
        {
            address = Interviewer,
            displayName = "Daniel Okafor",
            timeZone = "GMT Standard Time",
            workingHours = new { daysOfWeek = new[] { "monday", "tuesday", "wednesday" }, startTime = "08:00", endTime = "16:00", timeZone = new { name = "GMT Standard Time" } },
        });
        Assert.True(added.StatusCode == HttpStatusCode.Created, added.StatusCode + " " + await added.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<Event> Interview() =>
        (await _client.Users[Organizer].Events.PostAsync(Graph.Meeting("Interview", Ten, TimeSpan.FromMinutes(45), Interviewer, Candidate)))!;

    [Fact]
    public async Task Added_user_has_the_given_mailbox_settings()
    {
        var settings = await _client.Users[Interviewer].MailboxSettings.GetAsync();
        Assert.Equal("GMT Standard Time", settings?.TimeZone);
        Assert.Equal(3, settings?.WorkingHours?.DaysOfWeek?.Count);
        Assert.Equal(new Microsoft.Kiota.Abstractions.Time(8, 0, 0), settings?.WorkingHours?.StartTime);
    }

    [Fact]
    public async Task Accept_and_decline_through_the_control_API_show_on_the_organizers_event()
    {
        var interview = await Interview();

        (await _http.PostAsJsonAsync($"sandbox/mailboxes/{Interviewer}/events/{interview.Id}/respond", new { response = "accept" })).EnsureSuccessStatusCode();
        (await _http.PostAsJsonAsync($"sandbox/mailboxes/{Candidate}/events/{interview.ICalUId}/respond", new { response = "decline" })).EnsureSuccessStatusCode();

        var seen = await _client.Users[Organizer].Events[interview.Id].GetAsync();
        Assert.Equal(ResponseType.Accepted, seen?.Attendees?.Single(a => a.EmailAddress?.Address == Interviewer).Status?.Response);
        Assert.Equal(ResponseType.Declined, seen?.Attendees?.Single(a => a.EmailAddress?.Address == Candidate).Status?.Response);
        Assert.NotEqual(interview.ChangeKey, seen?.ChangeKey);
        var copy = Assert.Single((await _client.Users[Interviewer].Events.GetAsync())!.Value!);
        Assert.Equal(ResponseType.Accepted, copy.ResponseStatus?.Response);
    }

    [Fact]
    public async Task Tentative_accept_shows_as_tentative_in_free_busy()
    {
        var interview = await Interview();
        (await _http.PostAsJsonAsync($"sandbox/mailboxes/{Interviewer}/events/{interview.Id}/respond", new { response = "tentativelyAccept" })).EnsureSuccessStatusCode();

        var copy = Assert.Single(_server.Tenant.EventsOf(Interviewer));
        Assert.Equal("tentative", copy.ShowAs);
        Assert.Equal("tentativelyAccepted", copy.Response);
    }

    [Fact]
    public async Task Moving_an_event_as_the_organizer_moves_the_attendee_copy_and_resets_responses()
    {
        var interview = await Interview();
        _server.Tenant.RespondToEvent(Interviewer, interview.Id!, "accepted");

        using var moved = await _http.PostAsJsonAsync($"sandbox/mailboxes/{Organizer}/events/{interview.Id}/move",
            new { start = "2026-06-02T14:00:00Z", end = "2026-06-02T14:45:00Z" });
        moved.EnsureSuccessStatusCode();

        var copy = Assert.Single((await _client.Users[Interviewer].Events.GetAsync())!.Value!);
        Assert.Equal("2026-06-02T14:00:00.0000000", copy.Start?.DateTime);
        Assert.Equal(ResponseType.NotResponded, copy.ResponseStatus?.Response);
        var organizers = await _client.Users[Organizer].Events[interview.Id].GetAsync();
        Assert.All(organizers!.Attendees!, a => Assert.Equal(ResponseType.None, a.Status?.Response));
    }

    [Fact]
    public async Task Cancelling_through_the_control_API_cancels_the_attendee_copy()
    {
        var interview = await Interview();

        using var cancelled = await _http.PostAsJsonAsync($"sandbox/mailboxes/{Organizer}/events/{interview.Id}/cancel", new { comment = "Role filled" });
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);

        var copy = Assert.Single(_server.Tenant.EventsOf(Interviewer));
        Assert.True(copy.IsCancelled);
        Assert.Equal("Role filled", copy.CancellationComment);
        Assert.Empty(_server.Tenant.EventsOf(Organizer));
    }

    [Fact]
    public async Task Faults_are_switched_and_cleared_and_the_request_log_is_readable()
    {
        using var added = await _http.PostAsJsonAsync("sandbox/faults", new { pathPattern = "/users/*", method = "GET", kind = "throttle", retryAfterSeconds = 0, count = 1 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var rule = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("throttle", rule.GetProperty("kind").GetString());

        var user = await _client.Users[Interviewer].GetAsync();
        Assert.Equal("Daniel Okafor", user?.DisplayName);

        var log = await _http.GetFromJsonAsync<JsonElement>("sandbox/requests");
        Assert.Equal([429, 200], log.EnumerateArray().Select(e => e.GetProperty("status").GetInt32()));

        (await _http.PostAsJsonAsync("sandbox/faults", new { pathPattern = "*", kind = "unavailable", rate = 0.5 })).EnsureSuccessStatusCode();
        Assert.Single(_server.Tenant.Faults);
        using var cleared = await _http.DeleteAsync(new Uri("sandbox/faults", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(_server.Tenant.Faults);
    }

    [Fact]
    public async Task Sent_mail_and_events_are_listed()
    {
        await Interview();
        await _client.Users[Organizer].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = new Message { Subject = "Your interview", ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = Candidate } }] },
        });

        var mail = await _http.GetFromJsonAsync<JsonElement>("sandbox/mail");
        Assert.Equal("Your interview", Assert.Single(mail.EnumerateArray()).GetProperty("subject").GetString());
        var events = await _http.GetFromJsonAsync<JsonElement>($"sandbox/events?mailbox={Interviewer}");
        Assert.Equal("Interview", Assert.Single(events.EnumerateArray()).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Bad_control_requests_are_answered_400()
    {
        using var response = await _http.PostAsJsonAsync($"sandbox/mailboxes/{Interviewer}/events/x/respond", new { response = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var user = await _http.PostAsJsonAsync("sandbox/users", new { address = "x@contoso.com", timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
    }
}
