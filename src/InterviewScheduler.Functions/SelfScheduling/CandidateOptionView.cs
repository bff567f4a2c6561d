using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>
/// An option as the candidate sees it: when, in UTC and in their zone, and each session's title and time. Never who
/// interviews, and never the ranking's reasons (they can name people).
/// </summary>
public sealed record CandidateOptionView(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset LocalStart, DateTimeOffset LocalEnd, IReadOnlyList<CandidateTimeView> Sessions)
{
    public static CandidateOptionView From(SlotOption option, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(option);
        var span = CandidateTimeView.From(option.Span, zone);
        return new CandidateOptionView(span.Start, span.End, span.LocalStart, span.LocalEnd, [.. option.Sessions.Select(s => CandidateTimeView.From(s.Time, zone, s.Title))]);
    }
}
