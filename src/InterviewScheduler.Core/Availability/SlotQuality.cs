namespace InterviewScheduler.Core.Availability;

/// <summary>
/// How good a placement is within its day, best first: a free debrief, fewer tentative overlaps, more
/// optional interviewers, fewer attendees near a working-day edge, then earlier.
/// </summary>
internal readonly record struct SlotQuality(bool DebriefFree, int Tentative, int Optional, int Edges, long Start, long LastStart) : IComparable<SlotQuality>
{
    public int CompareTo(SlotQuality other)
    {
        var c = other.DebriefFree.CompareTo(DebriefFree);
        if (c == 0)
        {
            c = Tentative.CompareTo(other.Tentative);
        }

        if (c == 0)
        {
            c = other.Optional.CompareTo(Optional);
        }

        if (c == 0)
        {
            c = Edges.CompareTo(other.Edges);
        }

        if (c == 0)
        {
            c = Start.CompareTo(other.Start);
        }

        return c == 0 ? LastStart.CompareTo(other.LastStart) : c;
    }
}
