using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>
/// A time as the candidate sees it: UTC, and the same instants in the candidate's zone (with that zone's offset on
/// that day, so a time after a daylight-saving change carries the new offset).
/// </summary>
/// <param name="Title">The session's title; null for an option's whole span.</param>
public sealed record CandidateTimeView(string? Title, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset LocalStart, DateTimeOffset LocalEnd)
{
    public static CandidateTimeView From(TimeRange time, TimeZoneInfo zone, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new CandidateTimeView(title, time.Start, time.End, TimeZoneInfo.ConvertTime(time.Start, zone), TimeZoneInfo.ConvertTime(time.End, zone));
    }
}
