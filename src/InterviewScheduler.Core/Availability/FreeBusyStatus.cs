namespace InterviewScheduler.Core.Availability;

/// <summary>
/// How a calendar item shows its owner, with the values of Microsoft Graph's <c>freeBusyStatus</c>.
/// Busy and Oof always block an interview; Tentative and Unknown block unless the request says tentative
/// time may be used (<see cref="AvailabilityRequest.TentativeBlocks"/>); Free and WorkingElsewhere never block.
/// </summary>
public enum FreeBusyStatus
{
    /// <summary>The item does not take the time (never blocks).</summary>
    Free,

    /// <summary>Tentatively accepted or not yet answered (blocks when <see cref="AvailabilityRequest.TentativeBlocks"/>).</summary>
    Tentative,

    /// <summary>Busy (always blocks).</summary>
    Busy,

    /// <summary>Out of office (always blocks).</summary>
    Oof,

    /// <summary>Working from somewhere else but reachable (never blocks).</summary>
    WorkingElsewhere,

    /// <summary>Graph could not tell; treated like <see cref="Tentative"/> because it may well be a meeting.</summary>
    Unknown,
}
