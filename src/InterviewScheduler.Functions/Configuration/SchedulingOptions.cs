namespace InterviewScheduler.Functions.Configuration;

/// <summary>Calendar settings (configuration section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>The mailbox that organizes interview and debrief events and so sends their invites.</summary>
    public string OrganizerMailbox { get; set; } = "";
}
