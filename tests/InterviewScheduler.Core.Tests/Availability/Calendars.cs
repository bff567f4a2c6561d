using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.TimeZones;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Core.Tests.Availability;

/// <summary>Small builders for readable calendars in tests. Monday 2026-11-30 is the reference week.</summary>
internal static class Calendars
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static TimeZoneInfo Utc => TimeZoneInfo.Utc;

    public static TimeZoneInfo London { get; } = TimeZoneResolver.Resolve("Europe/London");

    public static TimeZoneInfo NewYork { get; } = TimeZoneResolver.Resolve("America/New_York");

    public static TimeZoneInfo Kolkata { get; } = TimeZoneResolver.Resolve("Asia/Kolkata");

    /// <summary>A clock stopped at <paramref name="now"/> (default: Sunday before the reference week).</summary>
    public static FakeTimeProvider ClockAt(DateTimeOffset? now = null) => new(now ?? Monday.AddDays(-1));

    public static DateTimeOffset At(int day, int hour, int minute = 0) => Monday.AddDays(day).AddHours(hour).AddMinutes(minute);

    public static WorkingHours NineToFive(TimeZoneInfo? zone = null) => WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), zone ?? Utc);

    public static BusyItem Busy(DateTimeOffset start, DateTimeOffset end, FreeBusyStatus status = FreeBusyStatus.Busy) => new(new TimeRange(start, end), status);

    public static Interviewer Person(string name, params BusyItem[] busy) => new($"{name}@contoso.com", busy, NineToFive());

    public static Interviewer OptionalPerson(string name, params BusyItem[] busy) => new($"{name}@contoso.com", busy, NineToFive(), Optional: true);

    public static AvailabilityRequest Panel(TimeRange window, params Interviewer[] interviewers) =>
        AvailabilityRequest.ForPanel(window, interviewers);

    public static TimeRange Days(int firstDay, int count) => new(Monday.AddDays(firstDay), Monday.AddDays(firstDay + count));
}
