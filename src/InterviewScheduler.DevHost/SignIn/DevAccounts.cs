using InterviewScheduler.Functions.Access;
using InterviewScheduler.Sandbox.Seeding;
using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.DevHost.SignIn;

/// <summary>
/// Who may sign in to the DevHost: the people of the sandbox's company (<see cref="SandboxCompany"/>), the recruiter and
/// the interviewers; its shared mailboxes are nobody to sign in as. The recruiter holds the app role Recruiter, as an
/// administrator would assign it in Entra ID; anyone else only when chosen on the sign-in page.
/// </summary>
public static class DevAccounts
{
    private static readonly HashSet<string> SharedMailboxes = new([SandboxCompany.RecruitingMailbox, SandboxCompany.OrganizerMailbox], StringComparer.OrdinalIgnoreCase);

    /// <summary>The people, recruiter first, as the sign-in page lists them.</summary>
    public static IReadOnlyList<SandboxUser> People { get; } = [.. SandboxCompany.People.Where(p => !SharedMailboxes.Contains(p.Address))];

    /// <summary>The person with this address, or null.</summary>
    public static SandboxUser? Find(string? address) =>
        People.FirstOrDefault(p => string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the sign-in page offers the Recruiter role to <paramref name="person"/> already chosen.</summary>
    public static bool IsRecruiter(SandboxUser person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return string.Equals(person.Address, SandboxCompany.RecruiterMailbox, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The principal App Service Authentication would pass for <paramref name="person"/> signed in with Entra ID.</summary>
    public static ClientPrincipal PrincipalFor(SandboxUser person, bool recruiter)
    {
        ArgumentNullException.ThrowIfNull(person);
        return ClientPrincipal.ForEntraUser(person.Id, person.DisplayName, person.Address, recruiter ? [RecruiterAccess.Role] : []);
    }
}
