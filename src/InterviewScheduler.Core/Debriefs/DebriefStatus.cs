namespace InterviewScheduler.Core.Debriefs;

/// <summary>Where a debrief stands.</summary>
public enum DebriefStatus
{
    Scheduled,
    Cancelled,

    /// <summary>A person deleted or cancelled it in Outlook: the service respects that and never books it again.</summary>
    Removed,
}
