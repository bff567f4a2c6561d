namespace InterviewScheduler.Core.Availability;

/// <summary>
/// One interview the candidate attends: a panel of <see cref="Interviewers"/> for <see cref="Duration"/>.
/// Every interviewer not marked optional must be free; at least <see cref="MinimumOptional"/> of the
/// optional ones must be free too (a quorum). A request with one session is a panel; several sessions
/// form an interview loop in the given order. Immutable.
/// </summary>
public sealed record PanelSession
{
    /// <summary>A human-readable name, e.g. "System design".</summary>
    public required string Title { get; init; }

    /// <summary>The panel; an interviewer may appear in several sessions of a loop.</summary>
    public required IReadOnlyList<Interviewer> Interviewers { get; init; }

    /// <summary>How long the session lasts (default 45 minutes); must be positive.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>How many optional interviewers must be free, at least (default 0).</summary>
    public int MinimumOptional { get; init; }
}
