namespace InterviewScheduler.Core.Debriefs;

/// <summary>Debrief settings (configuration section <c>Debrief</c>).</summary>
public sealed class DebriefOptions
{
    public const string SectionName = "Debrief";

    /// <summary>Length of the debrief in minutes.</summary>
    public int DurationMinutes { get; set; } = 30;

    /// <summary>Minutes between the end of the last interview and the debrief.</summary>
    public int GapMinutes { get; set; }

    /// <summary>When the team is not free right after, how many hours later the debrief may move to (same day).</summary>
    public int SearchHours { get; set; } = 3;

    /// <summary>The recruiter invited to every debrief; empty for none.</summary>
    public string? RecruiterMailbox { get; set; }

    /// <summary>NCRONTAB schedule of the reconciliation timer (read by the trigger as <c>%Debrief:ReconcileSchedule%</c>).</summary>
    public string ReconcileSchedule { get; set; } = "";
}
