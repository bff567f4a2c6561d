namespace InterviewScheduler.Core.Availability;

/// <summary>
/// When the candidate can attend. Either explicit <see cref="Windows"/> (UTC ranges; each session must fit
/// inside one of them), or, without windows, <see cref="DayStart"/>–<see cref="DayEnd"/> local time every
/// day in the candidate's <see cref="Zone"/> (08:00–20:00 by default). With neither windows nor a zone the
/// candidate is treated as always available. Immutable.
/// </summary>
public sealed record CandidateAvailability
{
    /// <summary>No constraint from the candidate.</summary>
    public static CandidateAvailability Anytime { get; } = new();

    /// <summary>The candidate can attend within these UTC ranges only.</summary>
    public static CandidateAvailability Within(params IReadOnlyList<TimeRange> windows) => new() { Windows = windows };

    /// <summary>The candidate can attend during reasonable local hours (08:00–20:00 by default) in <paramref name="zone"/>.</summary>
    public static CandidateAvailability InZone(TimeZoneInfo zone) => new() { Zone = zone };

    /// <summary>Explicit availability windows (UTC); when set, <see cref="Zone"/> hours are not used.</summary>
    public IReadOnlyList<TimeRange>? Windows { get; init; }

    /// <summary>The candidate's time zone, when known; also the zone that decides what "one day" means.</summary>
    public TimeZoneInfo? Zone { get; init; }

    /// <summary>Local time the candidate's reasonable day starts (default 08:00).</summary>
    public TimeOnly DayStart { get; init; } = new(8, 0);

    /// <summary>Local time the candidate's reasonable day ends, exclusive (default 20:00).</summary>
    public TimeOnly DayEnd { get; init; } = new(20, 0);
}
