using InterviewScheduler.Core.Availability;

namespace InterviewScheduler.Benchmarks;

/// <summary>
/// Deterministic synthetic calendars: people in London, Dublin and Lisbon time (so that common hours exist),
/// 09:00–17:00 on weekdays, meetings of 15–60 minutes on a quarter-hour grid, mostly busy, some tentative,
/// free, out-of-office or working elsewhere.
/// </summary>
internal static class SyntheticCalendars
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin"),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon"),
    ];

    /// <summary><paramref name="count"/> people with about <paramref name="meetingsPerDay"/> meetings on each of <paramref name="days"/> calendar days from Monday.</summary>
    public static Interviewer[] People(int count, int days, double meetingsPerDay, int optionalFrom, int seed)
    {
        var random = new Random(seed);
        var people = new Interviewer[count];
        for (var p = 0; p < count; p++)
        {
            var busy = new List<BusyItem>();
            for (var d = 0; d < days; d++)
            {
                var day = Monday.AddDays(d);
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                // Round the expected count randomly so fractional rates average out.
                var meetings = (int)meetingsPerDay + (random.NextDouble() < meetingsPerDay % 1 ? 1 : 0);
                for (var m = 0; m < meetings; m++)
                {
                    var start = day.AddHours(8).AddMinutes(15 * random.Next(0, 40));
                    var length = TimeSpan.FromMinutes(15 * random.Next(1, 5));
                    var roll = random.Next(100);
                    var status = roll switch
                    {
                        < 75 => FreeBusyStatus.Busy,
                        < 88 => FreeBusyStatus.Tentative,
                        < 94 => FreeBusyStatus.Free,
                        < 97 => FreeBusyStatus.WorkingElsewhere,
                        _ => FreeBusyStatus.Oof,
                    };
                    busy.Add(new BusyItem(TimeRange.FromStart(start, length), status));
                }
            }

            var hours = WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), Zones[p % Zones.Length]);
            people[p] = new Interviewer($"person{p:D3}@contoso.com", busy, hours, Optional: p >= optionalFrom);
        }

        return people;
    }

    /// <summary>A panel request over <paramref name="days"/> days for <paramref name="people"/>.</summary>
    public static AvailabilityRequest Panel(Interviewer[] people, int days, int minimumOptional) => new()
    {
        Window = new TimeRange(Monday, Monday.AddDays(days)),
        Sessions = [new PanelSession { Title = "Panel", Interviewers = people, MinimumOptional = minimumOptional }],
        MaxOptions = 5,
    };

    /// <summary>Busy items in a request, for reporting.</summary>
    public static int BusyItems(AvailabilityRequest request) =>
        request.Sessions.SelectMany(s => s.Interviewers).DistinctBy(p => p.Email).Sum(p => p.Busy.Count);
}
