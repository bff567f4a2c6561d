namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>
/// One page of a calendarView delta round. Exactly one of <see cref="SkipToken"/> (more pages follow) and
/// <see cref="DeltaToken"/> (the round is complete; use it next time) is set.
/// </summary>
public sealed record CalendarDeltaPage(IReadOnlyList<CalendarDeltaItem> Items, string? SkipToken, string? DeltaToken)
{
    /// <summary>Events per page unless the client asks otherwise (<c>Prefer: odata.maxpagesize</c>); Graph's default too.</summary>
    public const int DefaultSize = 10;
}

/// <summary>An event created or changed (<see cref="Event"/> set), or removed from the window (<see cref="Event"/> null: deleted or moved out).</summary>
public sealed record CalendarDeltaItem(string Id, SandboxEvent? Event);
