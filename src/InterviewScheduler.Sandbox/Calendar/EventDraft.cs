using InterviewScheduler.Sandbox.Mail;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>
/// The fields a client sets when creating or updating an event. Null means "not given": on create a default
/// applies, on update the stored value stays. Times are UTC instants (start inclusive, end exclusive).
/// </summary>
public sealed record EventDraft
{
    public string? Subject { get; init; }
    public string? BodyContentType { get; init; }
    public string? BodyContent { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? StartTimeZone { get; init; }
    public string? EndTimeZone { get; init; }
    public bool? IsAllDay { get; init; }
    public string? Location { get; init; }

    /// <summary>The full attendee list (replacing the old one on update); responses are kept for people already invited.</summary>
    public IReadOnlyList<InvitedAttendee>? Attendees { get; init; }

    public bool? IsOnlineMeeting { get; init; }
    public string? OnlineMeetingProvider { get; init; }
    public string? ShowAs { get; init; }
    public string? TransactionId { get; init; }

    /// <summary>Single-value extended properties to set (added, or replacing one with the same id).</summary>
    public IReadOnlyList<ExtendedProperty>? SingleValueExtendedProperties { get; init; }
}

/// <summary>A person to invite: address, optional display name, and <c>required</c>/<c>optional</c>/<c>resource</c>.</summary>
public sealed record InvitedAttendee(string Address, string? Name = null, string Type = "required");
