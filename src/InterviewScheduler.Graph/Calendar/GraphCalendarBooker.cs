using InterviewScheduler.Core.Interviews;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Kiota.Abstractions;
using CoreAttendee = InterviewScheduler.Core.Interviews.EventAttendee;
using TimeRange = InterviewScheduler.Core.Availability.TimeRange;

namespace InterviewScheduler.Graph.Calendar;

/// <summary>
/// Books interviews and debriefs as Teams meetings in the organizer mailbox through Graph events; Outlook sends
/// the invitations. Times go out and come back in UTC (<c>Prefer: outlook.timezone="UTC"</c>).
/// </summary>
/// <remarks>
/// A create carries the draft's <c>transactionId</c>, so when the SDK's retry handler re-sends a throttled create,
/// or a caller retries after a lost answer, Graph returns the event made the first time instead of a second one.
/// Graph's refusals (an unknown organizer mailbox, a rejected request) surface as <see cref="GraphCalendarException"/>.
/// </remarks>
public sealed class GraphCalendarBooker(GraphServiceClient graph, TimeProvider time) : ICalendarBooker
{
    /// <summary>
    /// The named extended property that carries <see cref="CalendarEventDraft.Tag"/>, in the project's own property
    /// set; events can be filtered on it (api/singlevaluelegacyextendedproperty-get.md lists events).
    /// </summary>
    public const string TagPropertyId = "String {4fc4e1fe-4cf7-4d4c-a3e7-aca56481c3b8} Name InterviewSchedulerBookingPlan";

    private readonly GraphCalendarBatch batch = new(graph, time);

    /// <summary>A booker on the system clock (its only use of time is waiting out throttling).</summary>
    public GraphCalendarBooker(GraphServiceClient graph)
        : this(graph, TimeProvider.System)
    {
    }

    public async Task<BookedEvent> CreateAsync(string organizerMailbox, CalendarEventDraft draft, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        var meeting = NewEvent(draft);
        var created = await Send("creating an event", organizerMailbox,
            () => graph.Users[organizerMailbox].Events.PostAsync(meeting, PreferUtc, cancellationToken));
        return Booked(created, "creating an event", organizerMailbox);
    }

    public async Task<IReadOnlyList<BookedEvent>> CreateAllAsync(string organizerMailbox, IReadOnlyList<CalendarEventDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0) return [];
        if (drafts.Count == 1) return [await CreateAsync(organizerMailbox, drafts[0], cancellationToken)];
        var requests = drafts.Select(d => (Func<RequestInformation>)(() => graph.Users[organizerMailbox].Events.ToPostRequestInformation(NewEvent(d), PreferUtc))).ToList();
        var created = await batch.SendAsync<Event>("creating events", organizerMailbox, requests, cancellationToken);
        return [.. created.Select(e => Booked(e, "creating events", organizerMailbox))];
    }

    public async Task<IReadOnlyList<BookedEvent>> FindTaggedAsync(string organizerMailbox, string tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        if (!IsPlainTag(tag)) throw new ArgumentException("A tag is letters, digits and dashes.", nameof(tag));
        var found = new List<BookedEvent>();
        var page = await Send("finding a booking's events", organizerMailbox, () => graph.Users[organizerMailbox].Events.GetAsync(
            request =>
            {
                request.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc);
                request.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{TagPropertyId}' and ep/value eq '{tag}')";
                request.QueryParameters.Select = ["id", "start", "end", "isCancelled", "attendees", "onlineMeeting", "transactionId"];
                request.QueryParameters.Top = 50;
            },
            cancellationToken));
        while (page is not null)
        {
            found.AddRange((page.Value ?? []).Where(e => e.IsCancelled != true).Select(e => Booked(e, "finding a booking's events", organizerMailbox)));
            if (page.OdataNextLink is not { } next) break;
            page = await Send("finding a booking's events", organizerMailbox,
                () => graph.Users[organizerMailbox].Events.WithUrl(next).GetAsync(request => request.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc), cancellationToken));
        }

        return found;
    }

    /// <summary>A new event from a draft: a Teams meeting, or a plain invite pointing at one.</summary>
    private static Event NewEvent(CalendarEventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.TransactionId, nameof(draft));
        var meeting = Meeting(draft);
        meeting.TransactionId = draft.TransactionId;
        meeting.IsOnlineMeeting = draft.OnlineMeeting;
        if (draft.OnlineMeeting) meeting.OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness;
        else meeting.Location = new Location { DisplayName = "Microsoft Teams (the link is in the invitation)" };
        // A proposed new time would bypass the panel search; the recruiter reschedules instead.
        meeting.AllowNewTimeProposals = false;
        meeting.ResponseRequested = true;
        if (draft.Tag is { } tag)
        {
            if (!IsPlainTag(tag)) throw new ArgumentException("A tag is letters, digits and dashes.", nameof(draft));
            meeting.SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = TagPropertyId, Value = tag }];
        }

        return meeting;
    }

    /// <summary>Tags go into an OData filter literal, so they hold nothing that would need escaping there.</summary>
    private static bool IsPlainTag(string tag) => tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public async Task<BookedEvent> MoveAsync(string organizerMailbox, string eventId, TimeRange time, IReadOnlyList<CoreAttendee> attendees, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentNullException.ThrowIfNull(attendees);
        // Time and attendees only: a new body would drop the Teams meeting's join information and with it the
        // meeting (api/event-update.md), so the body written at creation stays.
        var move = new Event
        {
            Start = GraphCalendarMapping.ToGraph(time.Start),
            End = GraphCalendarMapping.ToGraph(time.End),
            Attendees = [.. attendees.Select(Invitee)],
        };
        var updated = await Send("updating an event", organizerMailbox,
            () => graph.Users[organizerMailbox].Events[eventId].PatchAsync(move, PreferUtc, cancellationToken));
        return Booked(updated, "updating an event", organizerMailbox);
    }

    public async Task CancelAsync(string organizerMailbox, string eventId, string comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        try
        {
            await graph.Users[organizerMailbox].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment ?? string.Empty }, cancellationToken: cancellationToken);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404 && error.Error?.Code is null or "ErrorItemNotFound" or "ResourceNotFound")
        {
            // Already cancelled or deleted: cancelling is done, which makes a repeated cancel harmless.
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused("cancelling an event", organizerMailbox, exception);
        }
    }

    public async Task<IReadOnlyList<string>> OnlineMeetingProvidersAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        var calendar = await Send("reading the calendar", mailbox,
            () => graph.Users[mailbox].Calendar.GetAsync(r => r.QueryParameters.Select = ["allowedOnlineMeetingProviders", "defaultOnlineMeetingProvider"], cancellationToken));
        // Graph's names (teamsForBusiness, ...), as the SDK's enum spells them with a small first letter.
        return [.. (calendar?.AllowedOnlineMeetingProviders ?? []).OfType<OnlineMeetingProviderType>().Select(p => char.ToLowerInvariant(p.ToString()[0]) + p.ToString()[1..])];
    }

    public async Task<BookedEvent?> FindAsync(string organizerMailbox, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        try
        {
            var found = await graph.Users[organizerMailbox].Events[eventId].GetAsync(
                request =>
                {
                    request.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc);
                    request.QueryParameters.Select = ["id", "start", "end", "isCancelled", "attendees", "onlineMeeting"];
                },
                cancellationToken);
            return found is null ? null : Booked(found, "reading an event", organizerMailbox);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404 && error.Error?.Code is null or "ErrorItemNotFound" or "ResourceNotFound")
        {
            // Deleted, or cancelled by its organizer (Graph removes the organizer's copy). An unknown mailbox
            // answers 404 with another code and is an error, not a missing event.
            return null;
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused("reading an event", organizerMailbox, exception);
        }
    }

    private static void PreferUtc(RequestConfiguration<DefaultQueryParameters> request) =>
        request.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc);

    /// <summary>The fields of a new event: subject, body, time and the full attendee list.</summary>
    private static Event Meeting(CalendarEventDraft draft) => new()
    {
        Subject = draft.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = draft.HtmlBody },
        Start = GraphCalendarMapping.ToGraph(draft.Time.Start),
        End = GraphCalendarMapping.ToGraph(draft.Time.End),
        Attendees = [.. draft.Attendees.Select(Invitee)],
    };

    private static Attendee Invitee(CoreAttendee person) => new()
    {
        EmailAddress = new EmailAddress { Address = person.Email, Name = person.Name },
        Type = person.Optional ? AttendeeType.Optional : AttendeeType.Required,
    };

    private static BookedEvent Booked(Event? item, string what, string mailbox)
    {
        if (item?.Id is not { } id)
        {
            throw new GraphCalendarException($"Microsoft Graph answered {what} for mailbox '{mailbox}' without an event.", 0, null);
        }

        var time = new TimeRange(GraphCalendarMapping.ToInstant(item.Start, "start"), GraphCalendarMapping.ToInstant(item.End, "end"));
        var responses = (item.Attendees ?? [])
            .Where(a => !string.IsNullOrWhiteSpace(a.EmailAddress?.Address))
            .Select(a => new AttendeeResponse(a.EmailAddress!.Address!, GraphCalendarMapping.ToResponseName(a.Status?.Response)))
            .ToList();
        return new BookedEvent(id, time, item.OnlineMeeting?.JoinUrl, item.IsCancelled ?? false, responses) { TransactionId = item.TransactionId };
    }

    private static async Task<T?> Send<T>(string what, string mailbox, Func<Task<T?>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused(what, mailbox, exception);
        }
    }
}
