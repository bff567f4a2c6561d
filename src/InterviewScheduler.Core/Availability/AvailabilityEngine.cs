namespace InterviewScheduler.Core.Availability;

/// <summary>
/// Finds when a panel (or a loop of sessions) and the candidate can meet. Pure and deterministic: the only
/// outside input is the injected clock. Cost is O(n log n) in busy items (merge per person, one sweep per
/// session over the interval boundaries) plus the aligned starts of the few days needed for the ranking.
/// </summary>
/// <example>
/// <code>
/// var request = AvailabilityRequest.ForPanel(
///     new TimeRange(monday, monday.AddDays(5)),
///     [new Interviewer("lead@contoso.com", leadBusy, WorkingHours.Weekdays(new(9, 0), new(17, 0), london)),
///      new Interviewer("dev@contoso.com", devBusy, WorkingHours.Weekdays(new(9, 0), new(17, 0), newYork))]);
/// IReadOnlyList&lt;SlotOption&gt; options = AvailabilityEngine.FindOptions(request, TimeProvider.System);
/// SlotEvaluation check = AvailabilityEngine.Evaluate(request, options[0].Span.Start, TimeProvider.System);
/// </code>
/// </example>
public static class AvailabilityEngine
{
    /// <summary>
    /// Ranked options, best first, at most <see cref="AvailabilityRequest.MaxOptions"/>. Option 1 is the
    /// earliest possible start. Days follow in order; each contributes at most
    /// <see cref="AvailabilityRequest.MaxOptionsPerDay"/> options, its best first (a free debrief right after,
    /// fewer tentative overlaps, more optional interviewers, away from working-day edges, then earlier).
    /// An empty list (not an error) when nothing fits.
    /// </summary>
    /// <exception cref="ArgumentException">The request is malformed (see <see cref="AvailabilityRequest.Validate"/>).</exception>
    public static IReadOnlyList<SlotOption> FindOptions(AvailabilityRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        return new AvailabilitySearch(request, clock.GetUtcNow()).FindOptions();
    }

    /// <summary>
    /// Checks one first-session start against the request (for booking, which re-reads free/busy just
    /// before creating the event). The start need not be aligned; later sessions follow the break rules.
    /// Returns the option (rank 1) or the problems that rule the start out.
    /// </summary>
    /// <exception cref="ArgumentException">The request is malformed.</exception>
    public static SlotEvaluation Evaluate(AvailabilityRequest request, DateTimeOffset start, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        return new AvailabilitySearch(request, clock.GetUtcNow()).Evaluate(start.UtcTicks);
    }

    /// <summary>
    /// The members of <paramref name="team"/> who are not free for all of <paramref name="time"/>: outside
    /// their working hours (people without working hours are never outside) or overlapping a blocking item.
    /// Empty when the whole team is free. This is the debrief's check.
    /// </summary>
    public static IReadOnlyList<string> TeamConflicts(IEnumerable<Interviewer> team, TimeRange time, bool tentativeBlocks = true)
    {
        ArgumentNullException.ThrowIfNull(team);
        var margin = TimeSpan.FromDays(2).Ticks;
        var from = time.Start.UtcTicks - margin;
        var to = time.End.UtcTicks + margin;
        var cache = new Dictionary<(string, int, TimeOnly, TimeOnly), TickRange[]>();
        var conflicts = new List<string>();
        foreach (var person in team)
        {
            var calendar = PersonCalendar.Build(person, from, to, tentativeBlocks, 0, 0, cache);
            if (!time.IsEmpty && !calendar.IsFree(time.Start.UtcTicks, time.End.UtcTicks))
            {
                conflicts.Add(person.Email);
            }
        }

        return conflicts;
    }

    /// <summary>True when every member of <paramref name="team"/> is free for [time.Start, time.End); see <see cref="TeamConflicts"/>.</summary>
    public static bool IsTeamFree(IEnumerable<Interviewer> team, TimeRange time, bool tentativeBlocks = true) =>
        TeamConflicts(team, time, tentativeBlocks).Count == 0;
}
