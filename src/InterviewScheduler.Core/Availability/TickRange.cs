namespace InterviewScheduler.Core.Availability;

/// <summary>A half-open span [Start, End) in UTC ticks; the engine's internal, allocation-free form of <see cref="TimeRange"/>.</summary>
internal readonly record struct TickRange(long Start, long End)
{
    public long Length => End - Start;

    public TimeRange ToTimeRange() => new(new DateTimeOffset(Start, TimeSpan.Zero), new DateTimeOffset(End, TimeSpan.Zero));
}
