using System.ComponentModel.DataAnnotations;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.Applications;

/// <summary>
/// What intake refuses or holds back to keep its routes from being used against people (configuration section
/// <c>Intake</c>, shared with the host's own intake settings), checked at start-up by <see cref="IntakeLimitsValidator"/>.
/// </summary>
public sealed class IntakeLimits
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Acknowledgments one email address receives per UTC day, whichever route its applications came by; later new
    /// applications for it that day are stored without one. Stops a public form from mailing someone else's inbox.
    /// </summary>
    [SettingRange(1, 1000, ErrorMessage = "Intake:MaxPerRecipientPerDay must be between 1 and 1000.")]
    public int MaxPerRecipientPerDay { get; set; } = 3;

    /// <summary>
    /// Comma-separated domains a <c>recruiterEmail</c> may be in, compared exactly and without case
    /// (<c>contoso.com</c> does not admit <c>eu.contoso.com</c>). Empty: the domains of the configured mailboxes.
    /// A recruiter is invited to the debrief, which names the candidate: only the tenant's own people qualify.
    /// </summary>
    public string? RecruiterDomains { get; set; }

    /// <summary>The domains of <see cref="RecruiterDomains"/>, lowercase, without a leading <c>@</c>.</summary>
    [DomainNames(ErrorMessage = "Intake:RecruiterDomains must be domain names separated by commas, e.g. contoso.com,fabrikam.com.")]
    public IReadOnlyList<string> RecruiterDomainList =>
        [.. (RecruiterDomains ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="email"/> is in one of <see cref="RecruiterDomainList"/>.</summary>
    public bool IsRecruiterDomain(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at > 0 && RecruiterDomainList.Contains(email[(at + 1)..].ToLowerInvariant(), StringComparer.Ordinal);
    }

    /// <summary>The domain of a mailbox address, or null when it has none.</summary>
    public static string? DomainOf(string? mailbox) =>
        mailbox?.Trim() is { } address && address.LastIndexOf('@') is > 0 and var at && at < address.Length - 1
            ? address[(at + 1)..].ToLowerInvariant()
            : null;
}
