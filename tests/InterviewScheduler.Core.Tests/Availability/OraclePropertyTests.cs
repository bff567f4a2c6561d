using System.Globalization;
using System.Text;
using CsCheck;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.TimeZones;
using Microsoft.Extensions.Time.Testing;

namespace InterviewScheduler.Core.Tests.Availability;

/// <summary>
/// Property tests on small random calendars: the engine against the minute-by-minute <see cref="MinuteOracle"/>.
/// Dates include the weeks London and New York change their clocks.
/// </summary>
public sealed class OraclePropertyTests
{
    private const int Iterations = 400;

    private static readonly DateTimeOffset[] Bases =
    [
        new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), // an ordinary Monday
        new(2026, 10, 24, 0, 0, 0, TimeSpan.Zero), // London falls back on Sunday 25 October
        new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero), // New York falls back on Sunday 1 November
        new(2026, 3, 28, 0, 0, 0, TimeSpan.Zero), // London springs forward on Sunday 29 March
        new(2026, 3, 7, 0, 0, 0, TimeSpan.Zero), // New York springs forward on Sunday 8 March
    ];

    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.Utc,
        TimeZoneResolver.Resolve("Europe/London"),
        TimeZoneResolver.Resolve("America/New_York"),
        TimeZoneResolver.Resolve("Asia/Kolkata"),
        TimeZoneResolver.Resolve(new GraphTimeZone("Customized Time Zone", 210)),
    ];

    private static readonly int[] Alignments = [5, 10, 15, 20, 30, 60];

    private static readonly Gen<WorkingHours?> GenWorkingHours =
        from none in Gen.Int[0, 7]
        from zone in Gen.Int[0, Zones.Length - 1]
        from days in Gen.Int[1, 127]
        from start in Gen.Int[5 * 60, 11 * 60]
        from end in Gen.Int[12 * 60, 21 * 60]
        select none == 0 ? null : new WorkingHours(
            Enum.GetValues<DayOfWeek>().Where(d => (days & (1 << (int)d)) != 0).ToHashSet(),
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)),
            TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end)),
            Zones[zone]);

    private static Gen<BusyItem> GenBusy(DateTimeOffset origin) =>
        from start in Gen.Int[-600, 3 * 1440]
        from length in Gen.Int[0, 300]
        from status in Gen.Int[0, 5]
        select new BusyItem(TimeRange.FromStart(origin.AddMinutes(start), TimeSpan.FromMinutes(length)), (FreeBusyStatus)status);

    private static Gen<Interviewer[]> GenPeople(DateTimeOffset origin) =>
        (from busy in GenBusy(origin).Array[0, 8]
         from hours in GenWorkingHours
         from optional in Gen.Int[0, 2]
         select (busy, hours, optional: optional == 0))
        .Array[1, 5]
        .Select(people => people.Select((p, i) => new Interviewer($"p{i}@contoso.com", p.busy, p.hours, p.optional)).ToArray());

    private static Gen<PanelSession> GenSession(Interviewer[] people) =>
        from mask in Gen.Int[0, (1 << people.Length) - 1]
        from minutes in Gen.Int[10, 90]
        from quorum in Gen.Int[0, 2]
        let panel = people.Where((_, i) => (mask & (1 << i)) != 0).ToArray()
        select new PanelSession
        {
            Title = $"s{mask}",
            Interviewers = panel,
            Duration = TimeSpan.FromMinutes(minutes),
            MinimumOptional = Math.Min(quorum, panel.Count(p => p.Optional)),
        };

    private static Gen<CandidateAvailability> GenCandidate(DateTimeOffset origin) =>
        from kind in Gen.Int[0, 2]
        from zone in Gen.Int[0, Zones.Length - 1]
        from windows in (from start in Gen.Int[0, 3 * 1440] from length in Gen.Int[0, 600] select TimeRange.FromStart(origin.AddMinutes(start), TimeSpan.FromMinutes(length))).Array[1, 3]
        select kind switch
        {
            0 => CandidateAvailability.Anytime,
            1 => CandidateAvailability.Within(windows),
            _ => CandidateAvailability.InZone(Zones[zone]),
        };

    private static readonly Gen<(AvailabilityRequest Request, DateTimeOffset Now)> GenScenario =
        from origin in Gen.Int[0, Bases.Length - 1].Select(i => Bases[i])
        from people in GenPeople(origin)
        from sessions in Gen.Int[1, 3].SelectMany(n => GenSession(people).Array[n])
        from candidate in GenCandidate(origin)
        from windowStart in Gen.Int[0, 1440]
        from windowLength in Gen.Int[0, 2 * 1440]
        from now in Gen.Int[-120, 1440]
        from notice in Gen.Int[0, 300]
        from alignment in Gen.Int[0, Alignments.Length - 1]
        from buffers in Gen.Int[0, 20].Array[2]
        from tentativeBlocks in Gen.Bool
        from minimumBreak in Gen.Int[0, 20]
        from extraBreak in Gen.Int[0, 40]
        from maxOptions in Gen.Int[1, 6]
        from perDay in Gen.Int[1, 3]
        select (new AvailabilityRequest
        {
            Window = TimeRange.FromStart(origin.AddMinutes(windowStart), TimeSpan.FromMinutes(windowLength)),
            Sessions = sessions,
            Candidate = candidate,
            MinimumNotice = TimeSpan.FromMinutes(notice),
            Alignment = TimeSpan.FromMinutes(Alignments[alignment]),
            BufferBefore = TimeSpan.FromMinutes(buffers[0] < 10 ? 0 : buffers[0]),
            BufferAfter = TimeSpan.FromMinutes(buffers[1] < 10 ? 0 : buffers[1]),
            TentativeBlocks = tentativeBlocks,
            MinimumBreak = TimeSpan.FromMinutes(minimumBreak),
            MaximumBreak = TimeSpan.FromMinutes(minimumBreak + extraBreak),
            MaxOptions = maxOptions,
            MaxOptionsPerDay = perDay,
        }, origin.AddMinutes(now));

    [Fact]
    public void Engine_earliest_option_equals_the_minute_by_minute_oracle()
    {
        GenScenario.Sample(
            (request, now) =>
            {
                var options = AvailabilityEngine.FindOptions(request, new FakeTimeProvider(now));
                var expected = new MinuteOracle(request, now).EarliestStart();
                var actual = options.Count == 0 ? (DateTimeOffset?)null : options.Min(o => o.Span.Start);
                return expected == actual && (options.Count == 0 || options[0].Span.Start == expected);
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Every_option_keeps_every_hard_rule()
    {
        GenScenario.Sample(
            (request, now) =>
            {
                var oracle = new MinuteOracle(request, now);
                var options = AvailabilityEngine.FindOptions(request, new FakeTimeProvider(now));
                var zone = request.DayZone ?? request.Candidate.Zone ?? TimeZoneInfo.Utc;
                var perDay = options.GroupBy(o => TimeZoneInfo.ConvertTime(o.Span.Start, zone).Date).ToList();
                var days = options.Select(o => TimeZoneInfo.ConvertTime(o.Span.Start, zone).Date).ToList();
                return options.All(o => oracle.Violation(o) is null)
                    && options.Count <= request.MaxOptions
                    && options.Select(o => o.Rank).SequenceEqual(Enumerable.Range(1, options.Count))
                    && options.Select(o => o.Span.Start).Distinct().Count() == options.Count
                    && perDay.All(g => g.Count() <= request.MaxOptionsPerDay)
                    && days.SequenceEqual(days.Order());
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Engine_returns_as_many_options_as_the_days_allow()
    {
        GenScenario.Sample(
            (request, now) =>
            {
                var zone = request.DayZone ?? request.Candidate.Zone ?? TimeZoneInfo.Utc;
                var perDay = new MinuteOracle(request, now).AllStarts().GroupBy(s => TimeZoneInfo.ConvertTime(s, zone).Date);
                var expected = Math.Min(request.MaxOptions, perDay.Sum(day => Math.Min(request.MaxOptionsPerDay, day.Count())));
                return AvailabilityEngine.FindOptions(request, new FakeTimeProvider(now)).Count == expected;
            },
            iter: Iterations / 2,
            print: Describe);
    }

    [Fact]
    public void Evaluate_agrees_with_the_oracle_on_any_start()
    {
        var gen = from scenario in GenScenario
                  from offset in Gen.Int[0, 2 * 1440].Array[5]
                  select (scenario.Request, scenario.Now, offset);
        gen.Sample(
            (request, now, offsets) =>
            {
                var oracle = new MinuteOracle(request, now);
                var clock = new FakeTimeProvider(now);
                return offsets.All(minutes =>
                {
                    var start = request.Window.Start.AddMinutes(minutes);
                    return AvailabilityEngine.Evaluate(request, start, clock).IsAvailable == oracle.LoopFits(start);
                });
            },
            iter: Iterations / 2,
            print: t => Describe((t.Item1, t.Item2)) + " starts+" + string.Join(",", t.Item3));
    }

    [Fact]
    public void Random_calendars_are_not_vacuous()
    {
        // Guards the properties above: a good share of scenarios must have options, loops and quorums.
        int withOptions = 0, loops = 0, quorums = 0;
        GenScenario.Sample(
            (request, now) =>
            {
                if (AvailabilityEngine.FindOptions(request, new FakeTimeProvider(now)).Count > 0)
                {
                    Interlocked.Increment(ref withOptions);
                    if (request.Sessions.Count > 1)
                    {
                        Interlocked.Increment(ref loops);
                    }

                    if (request.Sessions.Any(s => s.MinimumOptional > 0))
                    {
                        Interlocked.Increment(ref quorums);
                    }
                }
            },
            iter: Iterations);

        // The samples are random (no fixed seed), so the floors sit far below what they measure (15 runs of 400:
        // 84-108 with options, 41-68 loops, 18-32 quorums): low enough never to fail by chance, high enough to fail
        // when the generator turns vacuous.
        Assert.InRange(withOptions, Iterations / 8, Iterations);
        Assert.InRange(loops, Iterations / 20, Iterations);
        Assert.InRange(quorums, Iterations / 80, Iterations);
    }

    private static string Describe((AvailabilityRequest Request, DateTimeOffset Now) scenario)
    {
        var (r, now) = scenario;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"now {now:O} window {r.Window} notice {r.MinimumNotice} align {r.Alignment} buffers {r.BufferBefore}/{r.BufferAfter} tentativeBlocks {r.TentativeBlocks} breaks {r.MinimumBreak}-{r.MaximumBreak} max {r.MaxOptions}/{r.MaxOptionsPerDay}\n");
        text.Append(c, $"candidate windows [{string.Join(", ", r.Candidate.Windows ?? [])}] zone {r.Candidate.Zone?.Id}\n");
        foreach (var s in r.Sessions)
        {
            text.Append(c, $"session {s.Title} {s.Duration} quorum {s.MinimumOptional}: {string.Join(", ", s.Interviewers.Select(p => p.Email))}\n");
        }

        foreach (var p in r.Sessions.SelectMany(s => s.Interviewers).DistinctBy(p => p.Email))
        {
            var hours = p.WorkingHours is { } h ? $"{string.Join("", h.Days.Select(d => d.ToString()[..2]))} {h.Start}-{h.End} {h.Zone.Id}" : "none";
            text.Append(c, $"  {p.Email} optional {p.Optional} hours {hours} busy {string.Join(", ", p.Busy.Select(b => $"{b.Time}:{b.Status}"))}\n");
        }

        return text.ToString();
    }
}
