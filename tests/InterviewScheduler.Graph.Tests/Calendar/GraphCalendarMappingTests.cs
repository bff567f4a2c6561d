using InterviewScheduler.Core.TimeZones;
using InterviewScheduler.Graph.Calendar;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace InterviewScheduler.Graph.Tests.Calendar;

/// <summary>How Graph's zones and times become the engine's, for shapes the sandbox does not send.</summary>
public sealed class GraphCalendarMappingTests
{
    [Fact]
    public void A_custom_zone_with_daylight_transitions_keeps_its_daylight_saving()
    {
        // A zone Exchange could not name with Central European rules: UTC+1, +2 from the last Sunday of March
        // 02:00 to the last Sunday of October 03:00.
        var zone = GraphCalendarMapping.ToZone(new CustomTimeZone
        {
            Name = "Customized Time Zone",
            Bias = -60,
            StandardOffset = new StandardTimeZoneOffset { Time = new Time(3, 0, 0), DayOccurrence = 5, DayOfWeek = DayOfWeekObject.Sunday, Month = 10 },
            DaylightOffset = new DaylightTimeZoneOffset { Time = new Time(2, 0, 0), DayOccurrence = 5, DayOfWeek = DayOfWeekObject.Sunday, Month = 3, DaylightBias = -60 },
        });

        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        // 2026's last Sunday of March is the 29th: 01:00Z is 02:00 local standard time, the switch.
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 10, 25, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_custom_zone_in_the_southern_hemisphere_saves_daylight_over_the_new_year()
    {
        // Sydney-like: UTC+10, +11 from the first Sunday of October to the first Sunday of April.
        var zone = GraphCalendarMapping.ToZone(new CustomTimeZone
        {
            Name = "tzone://Microsoft/Custom",
            Bias = -600,
            StandardOffset = new StandardTimeZoneOffset { Time = new Time(3, 0, 0), DayOccurrence = 1, DayOfWeek = DayOfWeekObject.Sunday, Month = 4 },
            DaylightOffset = new DaylightTimeZoneOffset { Time = new Time(2, 0, 0), DayOccurrence = 1, DayOfWeek = DayOfWeekObject.Sunday, Month = 10, DaylightBias = -60 },
        });

        Assert.Equal(TimeSpan.FromHours(11), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(10), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_known_name_wins_over_the_bias_and_a_name_without_bias_is_unknown()
    {
        var named = GraphCalendarMapping.ToZone(new CustomTimeZone { Name = "Europe/Berlin", Bias = 0 });
        Assert.Equal(TimeSpan.FromHours(2), named.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));

        Assert.Throws<UnknownTimeZoneException>(() => GraphCalendarMapping.ToZone(new TimeZoneBase { Name = "Atlantis Standard Time" }));
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00.0000000", "UTC", "2026-03-02T09:00:00Z")]
    [InlineData("2026-03-02T09:00:00.0000000", "tzone://Microsoft/Utc", "2026-03-02T09:00:00Z")]
    [InlineData("2026-07-01T09:00:00.0000000", "Europe/London", "2026-07-01T08:00:00Z")]
    [InlineData("2026-07-01T09:00:00.0000000", "Eastern Standard Time", "2026-07-01T13:00:00Z")]
    [InlineData("2026-07-01T09:00:00+02:00", "UTC", "2026-07-01T07:00:00Z")]
    public void A_dateTimeTimeZone_is_read_in_its_own_zone(string dateTime, string zone, string expected)
    {
        var instant = GraphCalendarMapping.ToInstant(new DateTimeTimeZone { DateTime = dateTime, TimeZone = zone }, "start");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void A_time_in_an_unknown_zone_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => GraphCalendarMapping.ToInstant(new DateTimeTimeZone { DateTime = "2026-07-01T09:00:00", TimeZone = "Mars/Olympus" }, "start"));
    }
}
