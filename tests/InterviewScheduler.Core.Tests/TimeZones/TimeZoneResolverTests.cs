using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.TimeZones;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Core.Tests.TimeZones;

public sealed class TimeZoneResolverTests
{
    private static readonly DateTimeOffset Summer = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Winter = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/London", 1, 0)]
    [InlineData("GMT Standard Time", 1, 0)]
    [InlineData("America/New_York", -4, -5)]
    [InlineData("Eastern Standard Time", -4, -5)]
    [InlineData("Asia/Kolkata", 5.5, 5.5)]
    [InlineData("India Standard Time", 5.5, 5.5)]
    [InlineData("UTC", 0, 0)]
    public void Iana_and_windows_ids_resolve_to_the_same_rules(string name, double summerHours, double winterHours)
    {
        var zone = TimeZoneResolver.Resolve(name);

        Assert.Equal(TimeSpan.FromHours(summerHours), zone.GetUtcOffset(Summer));
        Assert.Equal(TimeSpan.FromHours(winterHours), zone.GetUtcOffset(Winter));
    }

    [Theory]
    [InlineData("Customized Time Zone", 480, -8)]
    [InlineData("tzone://Microsoft/Custom", -330, 5.5)]
    [InlineData("Customized Time Zone", 0, 0)]
    public void Graph_custom_zone_with_a_bias_becomes_a_fixed_offset(string name, int bias, double offsetHours)
    {
        var zone = TimeZoneResolver.Resolve(new GraphTimeZone(name, bias));

        Assert.Equal(TimeSpan.FromHours(offsetHours), zone.GetUtcOffset(Summer));
        Assert.Equal(TimeSpan.FromHours(offsetHours), zone.GetUtcOffset(Winter));
        Assert.False(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void Graph_zone_with_a_known_name_keeps_its_daylight_saving_rules()
    {
        var zone = TimeZoneResolver.Resolve(new GraphTimeZone("Pacific Standard Time", 480));

        Assert.Equal(TimeSpan.FromHours(-7), zone.GetUtcOffset(Summer));
        Assert.Equal(TimeSpan.FromHours(-8), zone.GetUtcOffset(Winter));
    }

    [Fact]
    public void Unknown_zone_name_throws_a_clear_argument_exception()
    {
        var error = Assert.Throws<UnknownTimeZoneException>(() => TimeZoneResolver.Resolve("Mars/Olympus_Mons"));

        Assert.Equal("Mars/Olympus_Mons", error.ZoneName);
        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Contains("Unknown time zone 'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_custom_zone_without_a_bias_throws()
    {
        Assert.Throws<UnknownTimeZoneException>(() => TimeZoneResolver.Resolve(new GraphTimeZone("Customized Time Zone")));
    }

    [Fact]
    public void Fixed_offset_rejects_offsets_beyond_fourteen_hours()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeZoneResolver.FixedOffset(TimeSpan.FromHours(15)));
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("GMT Standard Time")]
    public void Engine_gives_the_same_options_for_either_form_of_a_zone_name(string name)
    {
        var monday = new DateTimeOffset(2026, 10, 19, 0, 0, 0, TimeSpan.Zero);
        var hours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), TimeZoneResolver.Resolve(name));
        var request = AvailabilityRequest.ForPanel(new TimeRange(monday, monday.AddDays(14)), [new Interviewer("ana@contoso.com", [], hours)]) with { MaxOptionsPerDay = 1, MaxOptions = 10, EdgeMargin = TimeSpan.Zero };

        var starts = AvailabilityEngine.FindOptions(request, new FakeTimeProvider(monday)).Select(o => o.Span.Start.Hour).ToArray();

        // Five BST days (08:00Z), then five GMT days (09:00Z) after the clocks go back on 25 October.
        Assert.Equal([8, 8, 8, 8, 8, 9, 9, 9, 9, 9], starts);
    }

    [Fact]
    public void Engine_uses_a_custom_zone_as_a_fixed_offset()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var zone = TimeZoneResolver.Resolve(new GraphTimeZone("Customized Time Zone", -330));
        var request = AvailabilityRequest.ForPanel(new TimeRange(monday, monday.AddDays(1)), [new Interviewer("ravi@contoso.com", [], WorkingHours.Weekdays(new(9, 0), new(17, 0), zone))]);

        var option = AvailabilityEngine.FindOptions(request, new FakeTimeProvider(monday))[0];

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 3, 30, 0, TimeSpan.Zero), option.Span.Start);
    }
}
