using System.ComponentModel.DataAnnotations;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>Debrief settings (configuration section <c>Debrief</c>), checked at start-up by <see cref="DebriefOptionsValidator"/>.</summary>
public sealed class DebriefOptions
{
    public const string SectionName = "Debrief";

    private const string MissingSchedule = "Missing or invalid setting Debrief:ReconcileSchedule: an NCRONTAB schedule such as '0 */15 * * * *'.";

    /// <summary>Length of the debrief in minutes.</summary>
    [SettingRange(5, 240, ErrorMessage = "Debrief:DurationMinutes must be between 5 and 240.")]
    public int DurationMinutes { get; set; } = 30;

    /// <summary>Minutes between the end of the last interview and the debrief.</summary>
    [SettingRange(0, 240, ErrorMessage = "Debrief:GapMinutes must be between 0 and 240.")]
    public int GapMinutes { get; set; }

    /// <summary>When the team is not free right after, how many hours later the debrief may move to (same day).</summary>
    [SettingRange(0, 12, ErrorMessage = "Debrief:SearchHours must be between 0 and 12.")]
    public int SearchHours { get; set; } = 3;

    /// <summary>The recruiter invited to every debrief; empty for none.</summary>
    [Mailbox(ErrorMessage = "Debrief:RecruiterMailbox is not a mailbox address.")]
    public string? RecruiterMailbox { get; set; }

    /// <summary>NCRONTAB schedule of the reconciliation timer (read by the trigger as <c>%Debrief:ReconcileSchedule%</c>).</summary>
    /// <remarks>Checked for its shape only (5 or 6 fields separated by spaces); the trigger parses it.</remarks>
    [Required(ErrorMessage = MissingSchedule)]
    [RegularExpression("^ *[^ ]+( +[^ ]+){4,5} *$", ErrorMessage = MissingSchedule)]
    public string ReconcileSchedule { get; set; } = "";
}
