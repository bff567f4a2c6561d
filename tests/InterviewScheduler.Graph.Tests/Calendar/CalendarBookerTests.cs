using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Sandbox.Faults;
using InterviewScheduler.Sandbox.Seeding;
using TimeRange = InterviewScheduler.Core.Availability.TimeRange;

namespace InterviewScheduler.Graph.Tests.Calendar;

/// <summary>GraphCalendarBooker through the real Graph SDK over HTTP against a seeded sandbox; each test owns its tenant.</summary>
public sealed class CalendarBookerTests
{
    private const string Organizer = SandboxCompany.OrganizerMailbox;
    private const string Candidate = "ada.candidate@example.org";
    private static readonly string[] Panel = ["lead.engineer@contoso.com", "product.manager@contoso.com", "engineering.manager@contoso.com"];

    // Wednesday 13:00Z: 13:00 in London, 08:00 in New York, 18:30 in Kolkata.
    private static readonly TimeRange Slot = TimeRange.FromStart(TestTenant.Monday.AddDays(2).AddHours(13), TimeSpan.FromMinutes(45));

    private static CalendarEventDraft Draft(string transactionId, TimeRange? time = null, IEnumerable<string>? panel = null) => new(
        "Interview: Backend Engineer (application 42)",
        "<p>Interview guide: system design, 45 minutes.</p>",
        time ?? Slot,
        [.. (panel ?? Panel).Select(p => new EventAttendee(p)), new EventAttendee(Candidate, "Ada Candidate")],
        transactionId);

    [Fact]
    public async Task A_panel_across_three_zones_is_booked_as_a_Teams_meeting_in_every_calendar()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);

        var booked = await booker.CreateAsync(Organizer, Draft("interview-42-1"), CancellationToken.None);

        Assert.Equal(Slot, booked.Time);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", booked.JoinUrl, StringComparison.Ordinal);
        Assert.False(booked.IsCancelled);
        Assert.Equal([.. Panel, Candidate], booked.Responses.Select(r => r.Email));
        var organizerEvent = tenant.Tenant.FindEvent(Organizer, booked.EventId)!;
        Assert.True(organizerEvent.IsOnlineMeeting);
        Assert.Equal("teamsForBusiness", organizerEvent.OnlineMeetingProvider);
        Assert.Equal("interview-42-1", organizerEvent.TransactionId);
        Assert.Contains("Interview guide", organizerEvent.BodyContent, StringComparison.Ordinal);
        foreach (var interviewer in Panel)
        {
            var copy = Assert.Single(tenant.Tenant.EventsOf(interviewer), e => e.ICalUId == organizerEvent.ICalUId);
            Assert.Equal((Slot.Start, Slot.End), (copy.Start, copy.End));
            Assert.Equal(booked.JoinUrl, copy.JoinUrl);
        }
    }

    [Fact]
    public async Task A_repeated_transaction_id_returns_the_first_event_and_books_nothing_more()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);

        var first = await booker.CreateAsync(Organizer, Draft("interview-42-2"), CancellationToken.None);
        var second = await booker.CreateAsync(Organizer, Draft("interview-42-2"), CancellationToken.None);

        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first.JoinUrl, second.JoinUrl);
        var iCalUId = Assert.Single(tenant.Tenant.EventsOf(Organizer), e => e.TransactionId == "interview-42-2").ICalUId;
        Assert.All(Panel, p => Assert.Single(tenant.Tenant.EventsOf(p), e => e.ICalUId == iCalUId));
    }

    [Fact]
    public async Task An_update_moves_the_interview_for_every_attendee_and_changes_the_panel()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);
        var booked = await booker.CreateAsync(Organizer, Draft("interview-42-3"), CancellationToken.None);
        var later = TimeRange.FromStart(Slot.Start.AddDays(1), TimeSpan.FromHours(1));
        string[] newPanel = [Panel[0], Panel[1], "qa.engineer@contoso.com"];

        var moved = await booker.MoveAsync(Organizer, booked.EventId, later, Draft("interview-42-3", later, newPanel).Attendees, CancellationToken.None);

        Assert.Equal(booked.EventId, moved.EventId);
        Assert.Equal(later, moved.Time);
        Assert.Equal([.. newPanel, Candidate], moved.Responses.Select(r => r.Email));
        var iCalUId = tenant.Tenant.FindEvent(Organizer, booked.EventId)!.ICalUId;
        foreach (var interviewer in newPanel)
        {
            var copy = Assert.Single(tenant.Tenant.EventsOf(interviewer), e => e.ICalUId == iCalUId);
            Assert.Equal((later.Start, later.End, false), (copy.Start, copy.End, copy.IsCancelled));
        }

        Assert.True(Assert.Single(tenant.Tenant.EventsOf(Panel[2]), e => e.ICalUId == iCalUId).IsCancelled);
    }

    [Fact]
    public async Task A_cancelled_interview_is_cancelled_for_the_panel_and_gone_from_the_organizer()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);
        var booked = await booker.CreateAsync(Organizer, Draft("interview-42-4"), CancellationToken.None);
        var iCalUId = tenant.Tenant.FindEvent(Organizer, booked.EventId)!.ICalUId;

        await booker.CancelAsync(Organizer, booked.EventId, "The candidate withdrew.", CancellationToken.None);

        // Graph removes a cancelled meeting from its organizer's calendar; the attendees' copies show it cancelled.
        Assert.Null(await booker.FindAsync(Organizer, booked.EventId, CancellationToken.None));
        foreach (var interviewer in Panel)
        {
            var copy = Assert.Single(tenant.Tenant.EventsOf(interviewer), e => e.ICalUId == iCalUId);
            Assert.True(copy.IsCancelled);
            Assert.Equal("The candidate withdrew.", copy.CancellationComment);
        }
    }

    [Fact]
    public async Task An_attendees_decline_shows_in_the_responses()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);
        var booked = await booker.CreateAsync(Organizer, Draft("interview-42-5"), CancellationToken.None);
        tenant.Tenant.RespondToEvent(Panel[1], booked.EventId, "declined");
        tenant.Tenant.RespondToEvent(Candidate, booked.EventId, "accepted");

        var found = await booker.FindAsync(Organizer, booked.EventId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(Slot, found.Time);
        Assert.False(found.IsCancelled);
        Assert.Equal(booked.JoinUrl, found.JoinUrl);
        Assert.Equal("declined", Assert.Single(found.Responses, r => r.Email == Panel[1]).Response);
        Assert.Equal("accepted", Assert.Single(found.Responses, r => r.Email == Candidate).Response);
        Assert.Equal("none", Assert.Single(found.Responses, r => r.Email == Panel[0]).Response);
    }

    [Fact]
    public async Task A_throttled_create_is_retried_by_the_SDK_and_books_one_event()
    {
        await using var tenant = await TestTenant.SeededAsync();
        tenant.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/events", Method = "POST", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });
        tenant.Tenant.ClearRequestLog();
        var booker = new GraphCalendarBooker(tenant.Client);

        var booked = await booker.CreateAsync(Organizer, Draft("interview-42-6"), CancellationToken.None);

        Assert.Equal([429, 201], tenant.TopLevelRequests.Where(r => r.Method == "POST").Select(r => r.Status));
        Assert.Equal(booked.EventId, Assert.Single(tenant.Tenant.EventsOf(Organizer), e => e.TransactionId == "interview-42-6").Id);
        var iCalUId = tenant.Tenant.FindEvent(Organizer, booked.EventId)!.ICalUId;
        Assert.All(Panel, p => Assert.Single(tenant.Tenant.EventsOf(p), e => e.ICalUId == iCalUId));
    }

    [Fact]
    public async Task An_unknown_organizer_mailbox_and_a_rejected_event_give_clear_exceptions()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);

        var unknown = await Assert.ThrowsAsync<GraphCalendarException>(() => booker.CreateAsync("ghost@contoso.com", Draft("interview-42-7"), CancellationToken.None));
        var rejected = await Assert.ThrowsAsync<GraphCalendarException>(() => booker.CreateAsync(Organizer, Draft("interview-42-8", panel: ["not an address"]), CancellationToken.None));
        var lookup = await Assert.ThrowsAsync<GraphCalendarException>(() => booker.FindAsync("ghost@contoso.com", "AAMkAGI2-nothing", CancellationToken.None));

        Assert.Equal((404, "ErrorInvalidUser"), (unknown.StatusCode, unknown.ErrorCode));
        Assert.Contains("'ghost@contoso.com'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains("creating an event", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(404, lookup.StatusCode);
        Assert.DoesNotContain(tenant.Tenant.EventsOf(Organizer), e => e.TransactionId is "interview-42-7" or "interview-42-8");
    }

    [Fact]
    public async Task An_event_that_does_not_exist_is_not_found_and_cancelling_it_again_is_harmless()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);

        Assert.Null(await booker.FindAsync(Organizer, "AAMkAGI2-nothing", CancellationToken.None));
        await booker.CancelAsync(Organizer, "AAMkAGI2-nothing", "Gone", CancellationToken.None);
        Assert.Contains(tenant.Server.Tenant.RequestLog, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal) && r.Status == 404);
        var unknownMailbox = await Assert.ThrowsAsync<GraphCalendarException>(() => booker.CancelAsync("nobody@contoso.com", "AAMkAGI2-nothing", "Gone", CancellationToken.None));
        Assert.Equal(404, unknownMailbox.StatusCode);
    }

    [Fact]
    public async Task Several_events_are_created_in_one_round_trip_and_found_again_by_their_tag()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);
        var drafts = Enumerable.Range(0, 3).Select(i => Draft($"interview-plan7-{i}", new TimeRange(Slot.Start.AddHours(i), Slot.End.AddHours(i))) with { Tag = "plan7" }).ToList();
        var other = await booker.CreateAsync(Organizer, Draft("interview-plan8-0") with { Tag = "plan8" }, CancellationToken.None);
        tenant.Server.Tenant.ClearRequestLog();

        var created = await booker.CreateAllAsync(Organizer, drafts, CancellationToken.None);

        Assert.Equal(drafts.Select(d => d.Time), created.Select(c => c.Time));
        Assert.Single(tenant.Server.Tenant.RequestLog, r => !r.InBatch);
        var found = await booker.FindTaggedAsync(Organizer, "plan7", CancellationToken.None);
        Assert.Equal(created.Select(c => c.EventId).Order(), found.Select(f => f.EventId).Order());
        Assert.Equal(drafts.Select(d => d.TransactionId).Order(), found.Select(f => f.TransactionId).Order());
        Assert.DoesNotContain(found, f => f.EventId == other.EventId);

        // A cancelled event is no longer the plan's.
        await booker.CancelAsync(Organizer, created[0].EventId, "Withdrawn", CancellationToken.None);
        Assert.Equal(2, (await booker.FindTaggedAsync(Organizer, "plan7", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Creates_in_a_batch_run_in_order_and_the_ones_after_a_throttled_step_go_again_with_it()
    {
        await using var tenant = await TestTenant.SeededAsync();
        var booker = new GraphCalendarBooker(tenant.Client);
        tenant.Server.Tenant.AddFault(new FaultRule { PathPattern = "/users/*/events", Method = "POST", Kind = FaultKind.Throttle, RetryAfterSeconds = 0, Skip = 1, Count = 1 });
        var drafts = Enumerable.Range(0, 3).Select(i => Draft($"interview-plan9-{i}", new TimeRange(Slot.Start.AddHours(i), Slot.End.AddHours(i))) with { Tag = "plan9" }).ToList();

        var created = await booker.CreateAllAsync(Organizer, drafts, CancellationToken.None);

        Assert.Equal(3, created.Select(c => c.EventId).Distinct().Count());
        Assert.Equal(3, tenant.Tenant.EventsOf(Organizer).Count(e => e.TransactionId?.StartsWith("interview-plan9-", StringComparison.Ordinal) == true));
        // The steps are sequenced (dependsOn): the third waited for the throttled second (424) and both went in the
        // second batch, rather than the third running beside it.
        var log = tenant.Server.Tenant.RequestLog.ToList();
        var batches = log.Select((r, i) => (r, i)).Where(x => !x.r.InBatch && x.r.Path.EndsWith("/$batch", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal([201, 429], log.Take(batches[0]).Where(r => r.InBatch).Select(r => r.Status));
        Assert.Equal([201, 201], log.Skip(batches[0] + 1).Take(batches[1] - batches[0] - 1).Where(r => r.InBatch).Select(r => r.Status));
    }
}
