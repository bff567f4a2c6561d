using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Functions.Interviews;

/// <summary>An option as the API shows it. Times are UTC.</summary>
public sealed record OptionView(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SessionView> Sessions, RangeView? Debrief, bool DebriefIsFree, IReadOnlyList<string> Reasons)
{
    public static OptionView From(SlotOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return new OptionView(
            option.Span.Start,
            option.Span.End,
            [.. option.Sessions.Select(s => new SessionView(s.Title, s.Time.Start, s.Time.End, s.Attendees))],
            option.Debrief is { } debrief ? RangeView.From(debrief) : null,
            option.DebriefIsFree,
            option.Reasons);
    }
}

/// <summary>A session of an option: its time and the interviewers who attend.</summary>
public sealed record SessionView(string Title, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Interviewers);

/// <summary>A time range, UTC.</summary>
public sealed record RangeView(DateTimeOffset Start, DateTimeOffset End)
{
    public static RangeView From(TimeRange range) => new(range.Start, range.End);
}

/// <summary>A booked interview as the API shows it; <see cref="Responses"/> as last read from the calendar.</summary>
public sealed record InterviewView(string InterviewId, string Title, DateTimeOffset Start, DateTimeOffset End, string EventId, string? JoinUrl, string Status, IReadOnlyList<AttendeeView> Attendees, IReadOnlyList<ResponseView> Responses)
{
    public static InterviewView From(Interview interview)
    {
        ArgumentNullException.ThrowIfNull(interview);
        return new InterviewView(
            interview.InterviewId,
            interview.Title,
            interview.Time.Start,
            interview.Time.End,
            interview.EventId,
            interview.JoinUrl,
            interview.Status == InterviewStatus.Scheduled ? "scheduled" : "cancelled",
            [.. interview.Attendees.Select(a => new AttendeeView(a.Email, a.Optional))],
            [.. interview.Responses.Select(r => new ResponseView(r.Email, r.Response))]);
    }
}

/// <summary>An invitee's answer: accepted, declined, tentativelyAccepted, notResponded, ...</summary>
public sealed record ResponseView(string Email, string Response);

/// <summary>The application's debrief as the API shows it. <see cref="Conflicts"/> names who is not free then.</summary>
public sealed record DebriefView(DateTimeOffset Start, DateTimeOffset End, string EventId, string? JoinUrl, string Status, IReadOnlyList<string> Attendees, IReadOnlyList<string> Conflicts)
{
    public static DebriefView? From(Debrief? debrief) => debrief is null ? null : new DebriefView(
        debrief.Time.Start,
        debrief.Time.End,
        debrief.EventId,
        debrief.JoinUrl,
        debrief.Status switch { DebriefStatus.Scheduled => "scheduled", DebriefStatus.Removed => "removed", _ => "cancelled" },
        debrief.Team,
        debrief.Conflicts);
}

/// <summary>An interviewer invited to an interview.</summary>
public sealed record AttendeeView(string Email, bool Optional);

/// <summary>The body of <c>POST .../interviews/options</c>.</summary>
public sealed record OptionsAnswer(IReadOnlyList<OptionView> Options)
{
    /// <summary>Each interviewer's (and the debrief guests') IANA time zone, for showing the options in local time.</summary>
    public IReadOnlyDictionary<string, string> TimeZones { get; init; } = new Dictionary<string, string>();

    /// <summary>The candidate's IANA time zone, when the application gave one.</summary>
    public string? CandidateTimeZone { get; init; }
}

/// <summary>The body of <c>POST .../interviews</c>: the interviews booked; the debrief, once the service books it.</summary>
public sealed record BookingAnswer(IReadOnlyList<InterviewView> Interviews, DebriefView? Debrief);

/// <summary>The body of <c>DELETE .../interviews/{interviewId}</c>: the interview, cancelled, and the debrief after it.</summary>
public sealed record CancelAnswer(InterviewView Interview, DebriefView? Debrief);
