using System.Security.Cryptography;
using System.Text;

namespace InterviewScheduler.Sandbox.Users;

/// <summary>
/// A mailbox-enabled user of the sandbox tenant. Graph addresses it by <see cref="Address"/> (case-insensitive)
/// or by <see cref="Id"/>. Immutable.
/// </summary>
/// <param name="Id">Directory object id.</param>
/// <param name="Address">SMTP address, also the user principal name.</param>
/// <param name="DisplayName">Name shown in Outlook.</param>
/// <param name="TimeZone">Mailbox time zone as <c>mailboxSettings.timeZone</c> reports it (IANA or Windows name).</param>
/// <param name="WorkingHours">Working hours from the mailbox settings.</param>
/// <param name="JobTitle">Role in the company, or null.</param>
public sealed record SandboxUser(Guid Id, string Address, string DisplayName, string TimeZone, WorkingHours WorkingHours, string? JobTitle = null)
{
    /// <summary>A user whose id is derived from the address, so the same address always gets the same id.</summary>
    public static SandboxUser Create(string address, string displayName, string timeZone, WorkingHours workingHours, string? jobTitle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        ArgumentNullException.ThrowIfNull(workingHours);
        if (!Wire.Zones.TryFind(timeZone, out _)) throw new ArgumentException($"Unknown time zone '{timeZone}'.", nameof(timeZone));
        if (workingHours.CustomBiasMinutes is null && !Wire.Zones.TryFind(workingHours.TimeZone, out _)) throw new ArgumentException($"Unknown time zone '{workingHours.TimeZone}'.", nameof(workingHours));
        if (workingHours.End <= workingHours.Start) throw new ArgumentException("Working hours must end after they start.", nameof(workingHours));

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToUpperInvariant()));
        return new SandboxUser(new Guid(hash.AsSpan(0, 16)), address.Trim(), displayName, timeZone, workingHours, jobTitle);
    }
}
