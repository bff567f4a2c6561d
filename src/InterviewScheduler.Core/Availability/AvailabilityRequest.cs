namespace InterviewScheduler.Core.Availability;

/// <summary>
/// What to search for: the sessions (one for a panel, several in order for a loop), who must be free, the
/// UTC search <see cref="Window"/> (every session must lie inside it) and the rules for a valid time.
/// All durations are <see cref="TimeSpan"/>s; all instants are UTC. Immutable; check it with <see cref="Validate"/>
/// (the engine calls it and throws <see cref="ArgumentException"/> for a malformed request).
/// </summary>
public sealed record AvailabilityRequest
{
    /// <summary>Where to look, UTC: sessions start at or after <c>Window.Start</c> and end by <c>Window.End</c>.</summary>
    public required TimeRange Window { get; init; }

    /// <summary>The sessions in the order the candidate attends them; one session is a panel, more are a loop.</summary>
    public required IReadOnlyList<PanelSession> Sessions { get; init; }

    /// <summary>When the candidate can attend (default: anytime).</summary>
    public CandidateAvailability Candidate { get; init; } = CandidateAvailability.Anytime;

    /// <summary>Nothing starts before now plus this much (default zero).</summary>
    public TimeSpan MinimumNotice { get; init; }

    /// <summary>
    /// The grid first sessions start on (default 15 minutes): whole multiples counted from 1970-01-01T00:00Z,
    /// which for any alignment that divides an hour is "from the top of every UTC hour".
    /// </summary>
    public TimeSpan Alignment { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Time each interviewer must have free of blocking items before their session (default zero); it may fall outside working hours.</summary>
    public TimeSpan BufferBefore { get; init; }

    /// <summary>Time each interviewer must have free of blocking items after their session (default zero); it may fall outside working hours.</summary>
    public TimeSpan BufferAfter { get; init; }

    /// <summary>Whether tentative (and unknown) items block (default true). When false they only lower the rank.</summary>
    public bool TentativeBlocks { get; init; } = true;

    /// <summary>The shortest break between two sessions of a loop (default zero: back to back).</summary>
    public TimeSpan MinimumBreak { get; init; }

    /// <summary>The longest break between two sessions of a loop (default 30 minutes).</summary>
    public TimeSpan MaximumBreak { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The length of the debrief right after the last session (default 30 minutes; zero for none).</summary>
    public TimeSpan DebriefDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>People who join the debrief besides the interviewers, e.g. the recruiter.</summary>
    public IReadOnlyList<Interviewer> DebriefGuests { get; init; } = [];

    /// <summary>How many options to return at most (default 5).</summary>
    public int MaxOptions { get; init; } = 5;

    /// <summary>How many options one day may contribute at most, so that options spread over days (default 2).</summary>
    public int MaxOptionsPerDay { get; init; } = 2;

    /// <summary>A session starting or ending closer than this to an attendee's working-day edge ranks lower (default 30 minutes).</summary>
    public TimeSpan EdgeMargin { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The zone whose calendar days a loop must fit in and options are spread over; defaults to the
    /// candidate's zone, then UTC.
    /// </summary>
    public TimeZoneInfo? DayZone { get; init; }

    /// <summary>A one-session request: a panel of <paramref name="interviewers"/> for <paramref name="duration"/> (default 45 minutes).</summary>
    public static AvailabilityRequest ForPanel(TimeRange window, IReadOnlyList<Interviewer> interviewers, TimeSpan? duration = null, int minimumOptional = 0) => new()
    {
        Window = window,
        Sessions =
        [
            new PanelSession
            {
                Title = "Panel interview",
                Interviewers = interviewers,
                Duration = duration ?? TimeSpan.FromMinutes(45),
                MinimumOptional = minimumOptional,
            },
        ],
    };

    /// <summary>The zone that defines calendar days for this request.</summary>
    internal TimeZoneInfo EffectiveDayZone => DayZone ?? Candidate.Zone ?? TimeZoneInfo.Utc;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first malformed field. A window shorter than a session is not malformed: it simply has no options.</summary>
    public void Validate()
    {
        if (Sessions is null || Sessions.Count == 0)
        {
            throw new ArgumentException("At least one session is needed.", nameof(Sessions));
        }

        for (var i = 0; i < Sessions.Count; i++)
        {
            var session = Sessions[i] ?? throw new ArgumentException($"Session {i} is missing.", nameof(Sessions));
            if (session.Interviewers is null)
            {
                throw new ArgumentException($"Session {i} ('{session.Title}') has no interviewer list.", nameof(Sessions));
            }

            if (session.Duration <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Session {i} ('{session.Title}') must last longer than zero.", nameof(Sessions));
            }

            var optional = 0;
            foreach (var interviewer in session.Interviewers)
            {
                if (interviewer is null || string.IsNullOrWhiteSpace(interviewer.Email) || interviewer.Busy is null)
                {
                    throw new ArgumentException($"Session {i} ('{session.Title}') has an interviewer without an email or busy list.", nameof(Sessions));
                }

                optional += interviewer.Optional ? 1 : 0;
            }

            if (session.MinimumOptional < 0 || session.MinimumOptional > optional)
            {
                throw new ArgumentException(
                    $"Session {i} ('{session.Title}') asks for {session.MinimumOptional} optional interviewers but has {optional}.", nameof(Sessions));
            }
        }

        if (Alignment <= TimeSpan.Zero || Alignment > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("The alignment must be more than zero and at most one day.", nameof(Alignment));
        }

        if (MinimumNotice < TimeSpan.Zero)
        {
            throw new ArgumentException("The minimum notice must not be negative.", nameof(MinimumNotice));
        }

        if (BufferBefore < TimeSpan.Zero || BufferAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("Buffers must not be negative.", nameof(BufferBefore));
        }

        if (MinimumBreak < TimeSpan.Zero || MaximumBreak < MinimumBreak)
        {
            throw new ArgumentException("Breaks need 0 <= minimum <= maximum.", nameof(MinimumBreak));
        }

        if (DebriefDuration < TimeSpan.Zero)
        {
            throw new ArgumentException("The debrief duration must not be negative.", nameof(DebriefDuration));
        }

        if (MaxOptions < 1 || MaxOptionsPerDay < 1)
        {
            throw new ArgumentException("At least one option (and one per day) must be allowed.", nameof(MaxOptions));
        }

        if (EdgeMargin < TimeSpan.Zero)
        {
            throw new ArgumentException("The edge margin must not be negative.", nameof(EdgeMargin));
        }

        if (Candidate is null)
        {
            throw new ArgumentException("Candidate availability is required (use CandidateAvailability.Anytime).", nameof(Candidate));
        }

        if (DebriefGuests is null)
        {
            throw new ArgumentException("Debrief guests must be a list (possibly empty).", nameof(DebriefGuests));
        }
    }
}
