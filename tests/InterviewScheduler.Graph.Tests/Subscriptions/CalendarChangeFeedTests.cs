using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Graph.Subscriptions;
using InterviewScheduler.Sandbox.Calendar;
using TimeRange = InterviewScheduler.Core.Availability.TimeRange;

namespace InterviewScheduler.Graph.Tests.Subscriptions;

/// <summary>GraphCalendarChangeFeed through the real Graph SDK against an empty sandbox: a first full round, then only what changed.</summary>
public sealed class CalendarChangeFeedTests : IAsyncLifetime
{
    private const string Organizer = "interviews@fabrikam.com";
    private static readonly TimeRange Fortnight = new(TestTenant.Monday, TestTenant.Monday.AddDays(14));

    private TestTenant _tenant = null!;
    private GraphCalendarChangeFeed _feed = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TestTenant.EmptyAsync(Organizer);
        _tenant.AddPeople(1);
        _feed = new GraphCalendarChangeFeed(_tenant.Client);
    }

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private SandboxEvent Interview(int day, int hour, int minute = 0)
    {
        var start = TestTenant.Monday.AddDays(day).AddHours(hour).AddMinutes(minute);
        return _tenant.Tenant.CreateEvent(Organizer, new EventDraft
        {
            Subject = "Interview",
            Start = start,
            End = start.AddMinutes(30),
            Attendees = [new InvitedAttendee("interviewer001@fabrikam.com")],
        }).Event;
    }

    [Fact]
    public async Task The_first_read_lists_every_event_in_the_window_across_pages()
    {
        var inside = Enumerable.Range(0, 60).Select(i => Interview(i % 10, 9 + (i / 10))).ToList();
        Interview(20, 10);

        var delta = await _feed.ReadChangesAsync(Organizer, Fortnight, deltaToken: null, CancellationToken.None);

        Assert.Equal(inside.Select(e => e.Id).Order(StringComparer.Ordinal), delta.ChangedEventIds.Order(StringComparer.Ordinal));
        Assert.Empty(delta.RemovedEventIds);
        Assert.Contains("$deltatoken=", delta.DeltaToken, StringComparison.Ordinal);
        // 60 events at 50 a page: the nextLink was followed once.
        Assert.Single(_tenant.TopLevelRequests, r => r.Query.Contains("$skiptoken=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_move_only_the_moved_interview_is_changed_and_nothing_after_that()
    {
        var interviews = Enumerable.Range(0, 3).Select(day => Interview(day, 10)).ToList();
        var first = await _feed.ReadChangesAsync(Organizer, Fortnight, null, CancellationToken.None);

        _tenant.Tenant.MoveEvent(Organizer, interviews[1].Id, TestTenant.Monday.AddDays(1).AddHours(15), TestTenant.Monday.AddDays(1).AddHours(16));
        var second = await _feed.ReadChangesAsync(Organizer, Fortnight, first.DeltaToken, CancellationToken.None);
        var third = await _feed.ReadChangesAsync(Organizer, Fortnight, second.DeltaToken, CancellationToken.None);

        Assert.Equal([interviews[1].Id], second.ChangedEventIds);
        Assert.Empty(second.RemovedEventIds);
        Assert.Empty(third.ChangedEventIds);
        Assert.Empty(third.RemovedEventIds);
    }

    [Fact]
    public async Task Cancelled_and_moved_out_interviews_are_removed_a_response_is_a_change()
    {
        var interviews = Enumerable.Range(0, 3).Select(day => Interview(day, 10)).ToList();
        var first = await _feed.ReadChangesAsync(Organizer, Fortnight, null, CancellationToken.None);

        await new GraphCalendarBooker(_tenant.Client).CancelAsync(Organizer, interviews[0].Id, "Candidate withdrew", CancellationToken.None);
        _tenant.Tenant.MoveEvent(Organizer, interviews[1].Id, TestTenant.Monday.AddDays(30), TestTenant.Monday.AddDays(30).AddHours(1));
        _tenant.Tenant.RespondToEvent("interviewer001@fabrikam.com", interviews[2].Id, "declined");
        var second = await _feed.ReadChangesAsync(Organizer, Fortnight, first.DeltaToken, CancellationToken.None);

        Assert.Equal([interviews[2].Id], second.ChangedEventIds);
        Assert.Equal(new[] { interviews[0].Id, interviews[1].Id }.Order(StringComparer.Ordinal), second.RemovedEventIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(410, "SyncStateNotFound")]
    [InlineData(400, "resyncRequired")]
    [InlineData(404, "syncStateNotFound")]
    [InlineData(400, "syncStateInvalid")]
    public async Task A_token_whose_sync_state_Graph_lost_starts_over_with_everything_in_the_window(int status, string code)
    {
        _tenant.Tenant.ExpiredDeltaTokenStatus = status;
        _tenant.Tenant.ExpiredDeltaTokenCode = code;
        var interviews = Enumerable.Range(0, 3).Select(day => Interview(day, 10)).ToList();
        var lost = $"{_tenant.Server.GraphBaseUrl}/users/{Organizer}/calendarView/delta?$deltatoken=lost-in-a-failover";

        var delta = await _feed.ReadChangesAsync(Organizer, Fortnight, lost, CancellationToken.None);

        Assert.Equal(interviews.Select(e => e.Id).Order(StringComparer.Ordinal), delta.ChangedEventIds.Order(StringComparer.Ordinal));
        Assert.NotEqual(lost, delta.DeltaToken);
    }

    [Fact]
    public async Task An_unknown_organizer_mailbox_is_Graphs_404()
    {
        var refused = await Assert.ThrowsAsync<GraphCalendarException>(() => _feed.ReadChangesAsync("nobody@fabrikam.com", Fortnight, null, CancellationToken.None));

        Assert.Equal((404, "ErrorInvalidUser"), (refused.StatusCode, refused.ErrorCode));
    }
}
