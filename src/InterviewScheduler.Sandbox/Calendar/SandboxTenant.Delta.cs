using InterviewScheduler.Sandbox.Calendar;

namespace InterviewScheduler.Sandbox;

public sealed partial class SandboxTenant
{
    // Server-side sync state, as Exchange keeps it: a delta token is where a finished round left the window; a
    // skip token holds the pages of a round still being read. Tokens stay valid for the tenant's lifetime.
    private readonly Dictionary<string, DeltaSyncState> _deltaTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeltaRound> _skipTokens = new(StringComparer.Ordinal);

    /// <summary>
    /// The status a lost or expired delta or skip token is answered with. Graph's delta-query overview ("Token
    /// duration") promises only "a 40X-series error" with a code such as <c>syncStateNotFound</c> or
    /// <c>resyncRequired</c>; the default is 410 with <c>SyncStateNotFound</c>, and tests try the others.
    /// </summary>
    public int ExpiredDeltaTokenStatus { get; set; } = 410;

    /// <summary>The error code that goes with <see cref="ExpiredDeltaTokenStatus"/>.</summary>
    public string ExpiredDeltaTokenCode { get; set; } = "SyncStateNotFound";

    /// <summary>
    /// Starts a calendarView delta round over [<paramref name="start"/>, <paramref name="end"/>): the first page of
    /// every event in that window of the mailbox's calendar (cancelled attendee copies included).
    /// </summary>
    /// <returns>The page, or null when the mailbox does not exist.</returns>
    public CalendarDeltaPage? StartCalendarDelta(string mailbox, DateTimeOffset start, DateTimeOffset end, int pageSize = CalendarDeltaPage.DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        lock (_gate)
        {
            if (FindUserLocked(mailbox) is not { } user) return null;
            var inWindow = InWindowLocked(user.Address, start, end);
            var items = inWindow.Select(e => new CalendarDeltaItem(e.Id, e)).ToList();
            return FirstPageLocked(new DeltaSyncState(user.Address, start, end, _lastChangeSequence, [.. inWindow.Select(e => e.Id)]), items, pageSize);
        }
    }

    /// <summary>
    /// Continues from a delta token (a new round: events in the window changed since, and <c>@removed</c> for those
    /// deleted or moved out of it) or a skip token (the next page of the current round).
    /// </summary>
    /// <returns>The page, or null when the token is unknown or belongs to another mailbox (Graph answers 410).</returns>
    public CalendarDeltaPage? ContinueCalendarDelta(string mailbox, string? deltaToken, string? skipToken, int pageSize = CalendarDeltaPage.DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        lock (_gate)
        {
            if (FindUserLocked(mailbox) is not { } user) return null;
            if (skipToken is not null)
            {
                // A page can be read again (a client retrying after a lost answer gets the same page).
                if (!_skipTokens.TryGetValue(skipToken, out var round) || !SameAddress(round.Next.Mailbox, user.Address)) return null;
                return PageLocked(round, pageSize);
            }

            if (deltaToken is null || !_deltaTokens.TryGetValue(deltaToken, out var since) || !SameAddress(since.Mailbox, user.Address)) return null;
            var inWindow = InWindowLocked(user.Address, since.Start, since.End);
            var ids = inWindow.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var items = inWindow
                .Where(e => !since.InWindow.Contains(e.Id) || _changeSequences.GetValueOrDefault(e.Id) > since.Sequence)
                .Select(e => new CalendarDeltaItem(e.Id, e))
                .Concat(since.InWindow.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal).Select(id => new CalendarDeltaItem(id, null)))
                .ToList();
            return FirstPageLocked(since with { Sequence = _lastChangeSequence, InWindow = ids }, items, pageSize);
        }
    }

    private List<SandboxEvent> InWindowLocked(string mailbox, DateTimeOffset start, DateTimeOffset end) =>
        _calendars.TryGetValue(mailbox, out var calendar)
            ? [.. calendar.Values.Where(e => e.Start < end && e.End > start).OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal)]
            : [];

    private CalendarDeltaPage FirstPageLocked(DeltaSyncState next, List<CalendarDeltaItem> items, int pageSize) =>
        PageLocked(new DeltaRound(next, items), pageSize);

    private CalendarDeltaPage PageLocked(DeltaRound round, int pageSize)
    {
        var page = round.Remaining.Take(pageSize).ToList();
        if (round.Remaining.Count > pageSize)
        {
            var skipToken = NextTokenLocked(24);
            _skipTokens[skipToken] = round with { Remaining = [.. round.Remaining.Skip(pageSize)] };
            return new CalendarDeltaPage(page, skipToken, null);
        }

        var deltaToken = NextTokenLocked(24);
        _deltaTokens[deltaToken] = round.Next;
        return new CalendarDeltaPage(page, null, deltaToken);
    }

    /// <summary>Where a finished round left a window: the last change it covered and the events then in the window.</summary>
    private sealed record DeltaSyncState(string Mailbox, DateTimeOffset Start, DateTimeOffset End, long Sequence, HashSet<string> InWindow);

    /// <summary>A round being paged through: what is left to hand out, and the state its delta token will stand for.</summary>
    private sealed record DeltaRound(DeltaSyncState Next, List<CalendarDeltaItem> Remaining);
}
