using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.Privacy;

/// <summary>Privacy settings (configuration section <c>Privacy</c>), checked at start-up by <see cref="PrivacyOptionsValidator"/>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Days a closed application keeps its candidate's personal data after its last activity; then the retention
    /// timer erases it. 0 turns automatic erasure off (<c>DELETE /api/applications/{id}</c> still works).
    /// </summary>
    /// <remarks>
    /// 180 by default: six months covers the time in which a candidate can challenge a hiring decision in most
    /// European jurisdictions, which is the usual reason given for keeping an unsuccessful candidate's data at all.
    /// </remarks>
    [SettingRange(0, 3650, ErrorMessage = "Privacy:RetentionDays must be between 0 (off) and 3650.")]
    public int RetentionDays { get; set; } = 180;

    /// <summary>Whether the retention timer erases anything.</summary>
    public bool RetentionIsOn => RetentionDays > 0;
}
