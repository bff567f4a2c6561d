using System.ComponentModel.DataAnnotations;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.Interviews;

/// <summary>Calendar settings (configuration section <c>Scheduling</c>), checked at start-up by <see cref="SchedulingOptionsValidator"/>.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    private const string MissingOrganizer = "Missing or invalid setting Scheduling:OrganizerMailbox: the mailbox that organizes interview events.";

    /// <summary>The mailbox that organizes interview and debrief events and so sends their invites.</summary>
    [Required(ErrorMessage = MissingOrganizer)]
    [Mailbox(ErrorMessage = MissingOrganizer)]
    public string OrganizerMailbox { get; set; } = "";

    /// <summary>Nothing is booked sooner than this many minutes from now.</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = "Scheduling:MinimumNoticeMinutes must not be negative.")]
    public int MinimumNoticeMinutes { get; set; } = 60;

    /// <summary>The company name shown in the interview guide.</summary>
    public string CompanyName { get; set; } = "Contoso";

    /// <summary>Where a person opens an application, e.g. the ATS; <c>{applicationId}</c> is replaced. Empty: the API's own route.</summary>
    public string? ApplicationLinkTemplate { get; set; }

    /// <summary>A folder with <c>interview-guide.html.liquid</c> replacing the built-in guide; empty for the built-in one.</summary>
    [ExistingFolder(ErrorMessage = "Scheduling:TemplateDirectory names a folder that does not exist.")]
    public string? TemplateDirectory { get; set; }

    /// <summary>Whether every interview must come back with a Teams join link (default <see cref="OnlineMeetingPolicy.Required"/>).</summary>
    public OnlineMeetingPolicy OnlineMeeting { get; set; } = OnlineMeetingPolicy.Required;
}
