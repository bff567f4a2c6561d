using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    // Mailbox address -> event id -> event. Attendee copies live in the attendee's calendar.
    private readonly Dictionary<string, MailboxCalendar> _calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> _meetingProviders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The online meeting providers a mailbox's calendar allows (its <c>allowedOnlineMeetingProviders</c>,
    /// concepts/outlook-calendar-online-meetings.md); <c>teamsForBusiness</c> unless set otherwise.
    /// </summary>
    public IReadOnlyList<string> OnlineMeetingProvidersOf(string mailbox)
    {
        lock (_gate)
        {
            return _meetingProviders.TryGetValue(mailbox, out var providers) ? providers : ["teamsForBusiness"];
        }
    }

    /// <summary>Sets what a mailbox's calendar allows; none at all models a mailbox without Teams.</summary>
    public void SetOnlineMeetingProviders(string mailbox, params string[] providers)
    {
        lock (_gate)
        {
            _meetingProviders[mailbox] = [.. providers];
        }
    }

    /// <summary>The events in a mailbox's calendar ordered by start (cancelled attendee copies included); empty for an unknown mailbox.</summary>
    public IReadOnlyList<SandboxEvent> EventsOf(string mailbox)
    {
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            return user is null ? [] : [.. CalendarLocked(user).Values.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Every event in every calendar, ordered by mailbox then start.</summary>
    public IReadOnlyList<SandboxEvent> AllEvents()
    {
        lock (_gate)
        {
            return [.. _calendars.Values.SelectMany(c => c.Values)
                .OrderBy(e => e.Mailbox, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The event with this id (or, failing that, this iCalUId) in the mailbox's calendar, or null.</summary>
    public SandboxEvent? FindEvent(string mailbox, string eventIdOrICalUId)
    {
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            return user is null ? null : FindEventLocked(user, eventIdOrICalUId);
        }
    }

    /// <summary>
    /// Creates an event in the organizer's calendar and a copy in each tenant attendee's calendar. A
    /// <see cref="EventDraft.TransactionId"/> already used by this organizer returns that event instead.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The mailbox does not exist.</exception>
    /// <exception cref="ArgumentException">Start or end is missing, or the end is not after the start.</exception>
    public EventCreation CreateEvent(string mailbox, EventDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Start is not { } start || draft.End is not { } end) throw new ArgumentException("An event needs a start and an end.", nameof(draft));
        if (end < start) throw new ArgumentException("The end of an event must not be before its start.", nameof(draft));

        lock (_gate)
        {
            var organizer = FindUserLocked(mailbox) ?? throw new KeyNotFoundException($"No mailbox '{mailbox}'.");
            var calendar = CalendarLocked(organizer);
            if (!string.IsNullOrEmpty(draft.TransactionId))
            {
                var existing = calendar.Values.FirstOrDefault(e => e.IsOrganizer && string.Equals(e.TransactionId, draft.TransactionId, StringComparison.Ordinal));
                if (existing is not null) return new EventCreation(existing, Created: false);
            }

            var now = TimeProvider.GetUtcNow();
            var created = new SandboxEvent
            {
                Id = NewEventIdLocked(),
                Mailbox = organizer.Address,
                ICalUId = "040000008200E00074C5B7101A82E00800000000" + NextHexLocked(24),
                Subject = draft.Subject ?? string.Empty,
                BodyContentType = draft.BodyContentType ?? "html",
                BodyContent = draft.BodyContent ?? string.Empty,
                Start = start.ToUniversalTime(),
                End = end.ToUniversalTime(),
                StartTimeZone = draft.StartTimeZone ?? "UTC",
                EndTimeZone = draft.EndTimeZone ?? draft.StartTimeZone ?? "UTC",
                IsAllDay = draft.IsAllDay ?? false,
                Location = draft.Location,
                Organizer = new Recipient(organizer.Address, organizer.DisplayName),
                Attendees = Invitees(draft.Attendees, organizer, previous: []),
                ShowAs = FreeBusyStatus.Normalize(draft.ShowAs) ?? FreeBusyStatus.Busy,
                TransactionId = draft.TransactionId,
                SingleValueExtendedProperties = draft.SingleValueExtendedProperties ?? [],
                Created = now,
                LastModified = now,
                ChangeKey = NextTokenLocked(12),
            };
            created = WithOnlineMeetingLocked(created, draft.IsOnlineMeeting ?? false, draft.OnlineMeetingProvider);
            calendar[created.Id] = created;
            SyncAttendeeCopiesLocked(created, timeChanged: false, removedAttendees: []);
            return new EventCreation(created, Created: true);
        }
    }

    /// <summary>
    /// Applies the given changes. On the organizer's event they reach every attendee copy, and a new time resets
    /// everyone's response (as Outlook sends a new request); on an attendee copy they stay in that calendar.
    /// </summary>
    /// <returns>The updated event, or null when the mailbox or event does not exist.</returns>
    public SandboxEvent? UpdateEvent(string mailbox, string eventId, EventDraft changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            var current = user is null ? null : FindEventLocked(user, eventId);
            if (user is null || current is null) return null;

            var start = changes.Start?.ToUniversalTime() ?? current.Start;
            var end = changes.End?.ToUniversalTime() ?? current.End;
            if (end < start) throw new ArgumentException("The end of an event must not be before its start.", nameof(changes));
            var timeChanged = start != current.Start || end != current.End;

            var attendees = changes.Attendees is null ? current.Attendees : Invitees(changes.Attendees, user, current.Attendees);
            if (timeChanged && current.IsOrganizer)
            {
                attendees = [.. attendees.Select(a => a with { Response = AttendeeResponse.None, ResponseTime = null })];
            }

            var updated = current with
            {
                Subject = changes.Subject ?? current.Subject,
                BodyContentType = changes.BodyContentType ?? current.BodyContentType,
                BodyContent = changes.BodyContent ?? current.BodyContent,
                Start = start,
                End = end,
                StartTimeZone = changes.StartTimeZone ?? current.StartTimeZone,
                EndTimeZone = changes.EndTimeZone ?? changes.StartTimeZone ?? current.EndTimeZone,
                IsAllDay = changes.IsAllDay ?? current.IsAllDay,
                Location = changes.Location ?? current.Location,
                Attendees = attendees,
                ShowAs = FreeBusyStatus.Normalize(changes.ShowAs) ?? current.ShowAs,
                LastModified = TimeProvider.GetUtcNow(),
                ChangeKey = NextTokenLocked(12),
            };
            if (changes.BodyContent is not null && current.JoinUrl is { } joined && !changes.BodyContent.Contains(System.Net.WebUtility.HtmlEncode(joined), StringComparison.Ordinal) && !changes.BodyContent.Contains(joined, StringComparison.Ordinal))
            {
                // A new body without the meeting blob: the Teams meeting is gone (api/event-update.md).
                updated = updated with { IsOnlineMeeting = false, OnlineMeetingProvider = "unknown", JoinUrl = null };
            }

            if (changes.IsOnlineMeeting is not null || changes.OnlineMeetingProvider is not null)
            {
                updated = WithOnlineMeetingLocked(updated, changes.IsOnlineMeeting ?? current.IsOnlineMeeting, changes.OnlineMeetingProvider ?? current.OnlineMeetingProvider);
            }

            CalendarLocked(user)[updated.Id] = updated;
            if (updated.IsOrganizer)
            {
                var removed = current.Attendees.Where(a => !updated.Attendees.Any(n => SameAddress(n.Address, a.Address))).ToList();
                SyncAttendeeCopiesLocked(updated, timeChanged, removed);
            }

            return updated;
        }
    }

    /// <summary>Moves an event as its organizer would in Outlook; the change reaches every attendee.</summary>
    public SandboxEvent? MoveEvent(string mailbox, string eventIdOrICalUId, DateTimeOffset start, DateTimeOffset end) =>
        UpdateEvent(mailbox, eventIdOrICalUId, new EventDraft { Start = start, End = end });

    /// <summary>
    /// Cancels a meeting as its organizer: the organizer's event leaves the calendar (as in Graph) and every
    /// attendee copy becomes cancelled ("Canceled: …", no longer blocking time).
    /// </summary>
    public CancelOutcome CancelEvent(string mailbox, string eventIdOrICalUId, string? comment = null)
    {
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            var current = user is null ? null : FindEventLocked(user, eventIdOrICalUId);
            if (user is null || current is null) return CancelOutcome.NotFound;
            if (!current.IsOrganizer) return CancelOutcome.NotOrganizer;
            CancelLocked(user, current, comment);
            return CancelOutcome.Cancelled;
        }
    }

    /// <summary>
    /// Deletes an event from a calendar. Deleting the organizer's meeting cancels it for the attendees, as
    /// Outlook does; deleting an attendee copy touches nothing else.
    /// </summary>
    /// <returns>False when the mailbox or event does not exist.</returns>
    public bool DeleteEvent(string mailbox, string eventId)
    {
        lock (_gate)
        {
            var user = FindUserLocked(mailbox);
            var current = user is null ? null : FindEventLocked(user, eventId);
            if (user is null || current is null) return false;
            if (current.IsOrganizer) CancelLocked(user, current, comment: null);
            else CalendarLocked(user).Remove(current.Id);
            return true;
        }
    }

    /// <summary>
    /// Records an attendee's response as they would give it in Outlook: the organizer's event shows it on that
    /// attendee, and the attendee's own copy (for a tenant user) shows it too. A decline removes the copy from
    /// the attendee's calendar, as Outlook does by default. Works for external attendees (a candidate) too.
    /// </summary>
    /// <param name="attendeeAddress">Who responds.</param>
    /// <param name="eventIdOrICalUId">The organizer's event id, the attendee copy's id, or the iCalUId.</param>
    /// <param name="response"><see cref="AttendeeResponse.Accepted"/>, <see cref="AttendeeResponse.TentativelyAccepted"/> or <see cref="AttendeeResponse.Declined"/>.</param>
    public RespondOutcome RespondToEvent(string attendeeAddress, string eventIdOrICalUId, string response)
    {
        if (response is not (AttendeeResponse.Accepted or AttendeeResponse.TentativelyAccepted or AttendeeResponse.Declined))
        {
            throw new ArgumentException($"Unsupported response '{response}'.", nameof(response));
        }

        lock (_gate)
        {
            var iCalUId = _calendars.Values.SelectMany(c => c.Values)
                .FirstOrDefault(e => e.Id == eventIdOrICalUId || e.ICalUId == eventIdOrICalUId)?.ICalUId;
            if (iCalUId is null) return RespondOutcome.NotFound;

            var all = _calendars.Values.SelectMany(c => c.Values).Where(e => e.ICalUId == iCalUId).ToList();
            var organizerEvent = all.FirstOrDefault(e => e.IsOrganizer);
            if (organizerEvent is not null && SameAddress(organizerEvent.Mailbox, attendeeAddress)) return RespondOutcome.IsOrganizer;
            if (organizerEvent is not null && !organizerEvent.Attendees.Any(a => SameAddress(a.Address, attendeeAddress))) return RespondOutcome.NotInvited;

            var now = TimeProvider.GetUtcNow();
            if (organizerEvent is not null)
            {
                var updated = organizerEvent with
                {
                    Attendees = [.. organizerEvent.Attendees.Select(a => SameAddress(a.Address, attendeeAddress) ? a with { Response = response, ResponseTime = now } : a)],
                    LastModified = now,
                    ChangeKey = NextTokenLocked(12),
                };
                _calendars[organizerEvent.Mailbox][updated.Id] = updated;
                organizerEvent = updated;
            }

            var copy = all.FirstOrDefault(e => !e.IsOrganizer && SameAddress(e.Mailbox, attendeeAddress));
            if (copy is not null)
            {
                var calendar = _calendars[copy.Mailbox];
                if (response == AttendeeResponse.Declined)
                {
                    calendar.Remove(copy.Id);
                }
                else
                {
                    calendar[copy.Id] = copy with
                    {
                        Response = response,
                        ResponseTime = now,
                        ShowAs = response == AttendeeResponse.TentativelyAccepted ? FreeBusyStatus.Tentative : organizerEvent?.ShowAs ?? copy.ShowAs,
                        Attendees = organizerEvent?.Attendees ?? copy.Attendees,
                        LastModified = now,
                        ChangeKey = NextTokenLocked(12),
                    };
                }
            }

            return RespondOutcome.Recorded;
        }
    }

    private void CancelLocked(SandboxUser organizer, SandboxEvent current, string? comment)
    {
        CalendarLocked(organizer).Remove(current.Id);
        var now = TimeProvider.GetUtcNow();
        foreach (var copy in CopiesLocked(current.ICalUId).ToList())
        {
            _calendars[copy.Mailbox][copy.Id] = CancelledCopyLocked(copy, comment, now);
        }
    }

    private SandboxEvent CancelledCopyLocked(SandboxEvent copy, string? comment, DateTimeOffset now) => copy with
    {
        IsCancelled = true,
        Subject = copy.Subject.StartsWith("Canceled: ", StringComparison.Ordinal) ? copy.Subject : "Canceled: " + copy.Subject,
        CancellationComment = comment,
        LastModified = now,
        ChangeKey = NextTokenLocked(12),
    };

    /// <summary>Brings every tenant attendee's copy in line with the organizer's event.</summary>
    private void SyncAttendeeCopiesLocked(SandboxEvent organizerEvent, bool timeChanged, IReadOnlyList<EventAttendee> removedAttendees)
    {
        var now = organizerEvent.LastModified;
        var copies = CopiesLocked(organizerEvent.ICalUId).ToList();
        foreach (var attendee in organizerEvent.Attendees)
        {
            var user = FindUserLocked(attendee.Address);
            if (user is null || SameAddress(user.Address, organizerEvent.Mailbox)) continue;
            var copy = copies.FirstOrDefault(c => SameAddress(c.Mailbox, user.Address));
            if (copy is null)
            {
                if (attendee.Response == AttendeeResponse.Declined) continue;
                copy = organizerEvent with
                {
                    Id = NewEventIdLocked(),
                    Mailbox = user.Address,
                    IsOrganizer = false,
                    Response = AttendeeResponse.NotResponded,
                    ResponseTime = null,
                    TransactionId = null,
                    SingleValueExtendedProperties = [],
                    Created = now,
                };
            }
            else
            {
                var response = timeChanged ? AttendeeResponse.NotResponded : copy.Response;
                copy = organizerEvent with
                {
                    Id = copy.Id,
                    Mailbox = copy.Mailbox,
                    IsOrganizer = false,
                    Response = response,
                    ResponseTime = timeChanged ? null : copy.ResponseTime,
                    ShowAs = response == AttendeeResponse.TentativelyAccepted ? FreeBusyStatus.Tentative : organizerEvent.ShowAs,
                    TransactionId = null,
                    SingleValueExtendedProperties = [],
                    Created = copy.Created,
                };
            }

            CalendarLocked(user)[copy.Id] = copy with { ChangeKey = NextTokenLocked(12) };
        }

        foreach (var removed in removedAttendees)
        {
            var copy = copies.FirstOrDefault(c => SameAddress(c.Mailbox, removed.Address));
            if (copy is not null) _calendars[copy.Mailbox][copy.Id] = CancelledCopyLocked(copy, comment: null, now);
        }
    }

    private IEnumerable<SandboxEvent> CopiesLocked(string iCalUId) =>
        _calendars.Values.SelectMany(c => c.Values).Where(e => !e.IsOrganizer && e.ICalUId == iCalUId);

    private static List<EventAttendee> Invitees(IReadOnlyList<InvitedAttendee>? invited, SandboxUser organizer, IReadOnlyList<EventAttendee> previous)
    {
        if (invited is null) return [];
        var result = new List<EventAttendee>();
        foreach (var person in invited)
        {
            if (string.IsNullOrWhiteSpace(person.Address) || result.Any(a => SameAddress(a.Address, person.Address))) continue;
            var earlier = previous.FirstOrDefault(p => SameAddress(p.Address, person.Address));
            result.Add(new EventAttendee(person.Address.Trim(), person.Name, person.Type, earlier?.Response ?? AttendeeResponse.None, earlier?.ResponseTime));
        }

        return result;
    }

    /// <remarks>
    /// As in Exchange, a Teams meeting puts its join information (the "meeting blob") at the end of the body, and a
    /// body replaced without it disables the meeting (api/event-update.md: "Inadvertently removing the meeting blob
    /// from the body would disable meeting online").
    /// </remarks>
    private SandboxEvent WithOnlineMeetingLocked(SandboxEvent item, bool isOnline, string? provider)
    {
        if (!isOnline) return item with { IsOnlineMeeting = false, OnlineMeetingProvider = "unknown", JoinUrl = null };
        var chosen = string.IsNullOrEmpty(provider) || provider == "unknown" ? "teamsForBusiness" : provider;
        var allowed = _meetingProviders.TryGetValue(item.Organizer.Address, out var providers) ? providers : ["teamsForBusiness"];
        if (!allowed.Contains(chosen, StringComparer.OrdinalIgnoreCase))
        {
            // A calendar that does not allow the provider makes a plain event: no meeting, no join link.
            return item with { IsOnlineMeeting = false, OnlineMeetingProvider = "unknown", JoinUrl = null };
        }

        var joinUrl = chosen == "teamsForBusiness" ? item.JoinUrl ?? TeamsJoinUrlLocked(item.Organizer.Address) : null;
        var body = joinUrl is null || item.BodyContent.Contains(joinUrl, StringComparison.Ordinal) ? item.BodyContent : item.BodyContent + MeetingBlob(joinUrl, item.BodyContentType);
        return item with { IsOnlineMeeting = true, OnlineMeetingProvider = chosen, JoinUrl = joinUrl, BodyContent = body };
    }

    /// <summary>The join information Exchange appends to a Teams meeting's body.</summary>
    private static string MeetingBlob(string joinUrl, string contentType) => contentType == "text"
        ? $"\n________________________________________________________________________________\nMicrosoft Teams meeting\nJoin: {joinUrl}\n"
        : $"<div style=\"width:100%\"><span style=\"white-space:nowrap;color:#5F5F5F\">________________________________________________________________________________</span></div>"
          + $"<div class=\"me-email-text\">Microsoft Teams meeting</div><div><a class=\"me-email-headline\" href=\"{System.Net.WebUtility.HtmlEncode(joinUrl)}\">Join the meeting now</a></div>";

    /// <summary>A well-formed but fake Teams join URL: thread id, tenant id and organizer id as Teams encodes them.</summary>
    private string TeamsJoinUrlLocked(string organizerAddress)
    {
        var organizerId = FindUserLocked(organizerAddress)?.Id ?? Guid.Empty;
        var thread = "19%3ameeting_" + NextTokenLocked(36).Replace('-', 'A').Replace('_', 'B') + "%40thread.v2";
        return $"https://teams.microsoft.com/l/meetup-join/{thread}/0?context=%7b%22Tid%22%3a%22{TenantId}%22%2c%22Oid%22%3a%22{organizerId}%22%7d";
    }

    private string NewEventIdLocked() => "AAMkAGI2" + NextTokenLocked(48);

    private SandboxEvent? FindEventLocked(SandboxUser user, string eventIdOrICalUId)
    {
        var calendar = CalendarLocked(user);
        if (calendar.TryGetValue(eventIdOrICalUId, out var byId)) return byId;
        return calendar.Values.Where(e => e.ICalUId == eventIdOrICalUId).OrderByDescending(e => e.IsOrganizer).FirstOrDefault();
    }

    private MailboxCalendar CalendarLocked(SandboxUser user)
    {
        if (!_calendars.TryGetValue(user.Address, out var calendar))
        {
            calendar = new MailboxCalendar(user.Address, OnCalendarChangedLocked);
            _calendars[user.Address] = calendar;
        }

        return calendar;
    }

    private static bool SameAddress(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The result of creating an event: the event, and false when an earlier one with the same transactionId was returned.</summary>
public sealed record EventCreation(SandboxEvent Event, bool Created);

/// <summary>What happened to a cancellation.</summary>
public enum CancelOutcome
{
    Cancelled,
    NotFound,
    NotOrganizer,
}

/// <summary>What happened to an attendee's response.</summary>
public enum RespondOutcome
{
    Recorded,
    NotFound,
    IsOrganizer,
    NotInvited,
}
