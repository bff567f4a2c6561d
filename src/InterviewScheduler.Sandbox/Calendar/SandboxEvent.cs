using InterviewScheduler.Sandbox.Mail;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>
/// One event in one mailbox's calendar, as Graph returns it. The organizer's event and each tenant attendee's
/// copy are separate events sharing <see cref="ICalUId"/>. Times are UTC instants; <see cref="Start"/> is
/// inclusive and <see cref="End"/> exclusive. Immutable: every change stores a new value with a new <see cref="ChangeKey"/>.
/// </summary>
public sealed record SandboxEvent
{
    /// <summary>Graph id, unique in the tenant.</summary>
    public required string Id { get; init; }

    /// <summary>Address of the mailbox whose calendar holds this event.</summary>
    public required string Mailbox { get; init; }

    /// <summary>Identifier shared by the organizer's event and all attendee copies.</summary>
    public required string ICalUId { get; init; }

    public required string Subject { get; init; }

    /// <summary><c>html</c> or <c>text</c>.</summary>
    public string BodyContentType { get; init; } = "html";

    public string BodyContent { get; init; } = string.Empty;

    /// <summary>Start instant (UTC), inclusive.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>End instant (UTC), exclusive.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Zone name the client used for the start, reported as <c>originalStartTimeZone</c>.</summary>
    public string StartTimeZone { get; init; } = "UTC";

    /// <summary>Zone name the client used for the end, reported as <c>originalEndTimeZone</c>.</summary>
    public string EndTimeZone { get; init; } = "UTC";

    public bool IsAllDay { get; init; }

    /// <summary>Location display name, or null.</summary>
    public string? Location { get; init; }

    public required Recipient Organizer { get; init; }

    /// <summary>True on the organizer's own event; false on an attendee's copy.</summary>
    public bool IsOrganizer { get; init; } = true;

    public IReadOnlyList<EventAttendee> Attendees { get; init; } = [];

    /// <summary>This mailbox's own response: <c>organizer</c> on the organizer's event, else an attendee response.</summary>
    public string Response { get; init; } = AttendeeResponse.Organizer;

    /// <summary>When this mailbox last responded, or null.</summary>
    public DateTimeOffset? ResponseTime { get; init; }

    public bool IsOnlineMeeting { get; init; }

    /// <summary><c>teamsForBusiness</c>, <c>skypeForBusiness</c>, <c>skypeForConsumer</c> or <c>unknown</c>.</summary>
    public string OnlineMeetingProvider { get; init; } = "unknown";

    /// <summary>Teams join URL when <see cref="IsOnlineMeeting"/> with <c>teamsForBusiness</c>, else null.</summary>
    public string? JoinUrl { get; init; }

    /// <summary>Free/busy status: <c>free</c>, <c>tentative</c>, <c>busy</c>, <c>oof</c>, <c>workingElsewhere</c> or <c>unknown</c>.</summary>
    public string ShowAs { get; init; } = FreeBusyStatus.Busy;

    /// <summary>True once the organizer cancelled it; a cancelled event never blocks time.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>The client's idempotency key, unique per organizer mailbox, or null.</summary>
    public string? TransactionId { get; init; }

    /// <summary>MAPI single-value extended properties the organizer's app set; they stay on the organizer's item.</summary>
    public IReadOnlyList<ExtendedProperty> SingleValueExtendedProperties { get; init; } = [];

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    /// <summary>Version stamp; a new value on every change.</summary>
    public required string ChangeKey { get; init; }

    /// <summary>The organizer's comment when cancelling, or null.</summary>
    public string? CancellationComment { get; init; }

    /// <summary>True when the event takes time in free/busy: not cancelled and not shown as free.</summary>
    public bool Blocks => !IsCancelled && ShowAs != FreeBusyStatus.Free;
}

/// <summary>An email address with an optional display name, as in Graph's <c>emailAddress</c>.</summary>
public sealed record Recipient(string Address, string? Name);

/// <summary>An invited person on an event, with their response as the organizer sees it.</summary>
/// <param name="Address">Attendee SMTP address.</param>
/// <param name="Name">Display name, or null.</param>
/// <param name="Type"><c>required</c>, <c>optional</c> or <c>resource</c>.</param>
/// <param name="Response">One of <see cref="AttendeeResponse"/>'s values.</param>
/// <param name="ResponseTime">When they responded; null before any response.</param>
public sealed record EventAttendee(string Address, string? Name, string Type, string Response, DateTimeOffset? ResponseTime);

/// <summary>Graph's <c>responseType</c> values.</summary>
public static class AttendeeResponse
{
    public const string None = "none";
    public const string Organizer = "organizer";
    public const string TentativelyAccepted = "tentativelyAccepted";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string NotResponded = "notResponded";
}

/// <summary>Graph's <c>freeBusyStatus</c> values and their digits in <c>availabilityView</c>.</summary>
public static class FreeBusyStatus
{
    public const string Free = "free";
    public const string Tentative = "tentative";
    public const string Busy = "busy";
    public const string Oof = "oof";
    public const string WorkingElsewhere = "workingElsewhere";
    public const string Unknown = "unknown";

    /// <summary>Every valid value, for validating input.</summary>
    public static readonly IReadOnlyList<string> All = [Free, Tentative, Busy, Oof, WorkingElsewhere, Unknown];

    /// <summary>The <c>availabilityView</c> digit: 0 free, 1 tentative, 2 busy, 3 oof, 4 workingElsewhere.</summary>
    public static char Digit(string status) => status switch
    {
        Tentative => '1',
        Busy => '2',
        Oof => '3',
        WorkingElsewhere => '4',
        _ => '0',
    };

    /// <summary>Which status wins when several overlap one interval: oof, then busy, tentative, working elsewhere, free.</summary>
    public static int Weight(string status) => status switch
    {
        Oof => 4,
        Busy => 3,
        Tentative => 2,
        WorkingElsewhere => 1,
        _ => 0,
    };

    /// <summary>The canonical spelling of a status, case-insensitively, or null when it is not one.</summary>
    public static string? Normalize(string? status) =>
        status is null ? null : All.FirstOrDefault(s => s.Equals(status, StringComparison.OrdinalIgnoreCase));
}
