using InterviewScheduler.Sandbox.Users;

namespace InterviewScheduler.Sandbox.Seeding;

/// <summary>
/// The fictional company a seeded sandbox holds (domain <c>contoso.com</c>): a recruiting mailbox that sends
/// acknowledgments, an organizer mailbox for interviews and debriefs, a recruiter, and twelve interviewers in
/// London, Berlin, New York, Los Angeles and Bengaluru with their own working hours (some mailboxes report
/// Windows zone names, as Graph sometimes does).
/// </summary>
public static class SandboxCompany
{
    public const string Domain = "contoso.com";

    /// <summary>Shared mailbox that sends application acknowledgments.</summary>
    public const string RecruitingMailbox = "recruiting@contoso.com";

    /// <summary>Shared mailbox that organizes interview and debrief events.</summary>
    public const string OrganizerMailbox = "interviews@contoso.com";

    /// <summary>A recruiter (a person), invited to debriefs.</summary>
    public const string RecruiterMailbox = "talent.recruiter@contoso.com";

    private static readonly WorkingHours MondayToThursday = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], new TimeOnly(7, 0), new TimeOnly(17, 0), "America/Los_Angeles");

    /// <summary>The interviewers, in a fixed order.</summary>
    public static IReadOnlyList<SandboxUser> Interviewers { get; } =
    [
        Person("lead.engineer", "Amelia Hart", "Lead Engineer", "Europe/London", 9, 0, 17, 30),
        Person("staff.engineer", "Daniel Okafor", "Staff Engineer", "GMT Standard Time", 8, 0, 16, 0),
        Person("solutions.architect", "Omar Haddad", "Solutions Architect", "Europe/London", 10, 0, 18, 0),
        Person("product.designer", "Chloé Martin", "Product Designer", "W. Europe Standard Time", 9, 0, 17, 0),
        Person("security.engineer", "Lukas Weber", "Security Engineer", "Europe/Berlin", 8, 0, 16, 30),
        Person("product.manager", "Hannah Kim", "Product Manager", "America/New_York", 8, 30, 16, 30),
        Person("backend.engineer", "Sofia Márquez", "Backend Engineer", "Eastern Standard Time", 9, 0, 17, 0),
        Person("frontend.engineer", "Ethan Brooks", "Frontend Engineer", "America/New_York", 10, 0, 18, 0),
        SandboxUser.Create("site.reliability.engineer@" + Domain, "Grace Liu", "America/Los_Angeles", MondayToThursday, "Site Reliability Engineer"),
        Person("engineering.manager", "Rahul Iyer", "Engineering Manager", "Asia/Kolkata", 10, 0, 18, 30),
        Person("data.scientist", "Ananya Sharma", "Data Scientist", "India Standard Time", 9, 30, 17, 30),
        Person("qa.engineer", "Vikram Nair", "QA Engineer", "Asia/Kolkata", 11, 0, 19, 0),
    ];

    /// <summary>The interviewers' addresses, in the same order as <see cref="Interviewers"/>.</summary>
    public static IReadOnlyList<string> InterviewerAddresses { get; } = [.. Interviewers.Select(i => i.Address)];

    /// <summary>Everyone seeded: the two shared mailboxes, the recruiter, then the interviewers.</summary>
    public static IReadOnlyList<SandboxUser> People { get; } =
    [
        SandboxUser.Create(RecruitingMailbox, "Contoso Recruiting", "Europe/London", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), "Europe/London"), "Shared mailbox"),
        SandboxUser.Create(OrganizerMailbox, "Contoso Interviews", "Europe/London", WorkingHours.Weekdays(new TimeOnly(8, 0), new TimeOnly(18, 0), "Europe/London"), "Shared mailbox"),
        SandboxUser.Create(RecruiterMailbox, "Jordan Lee", "Europe/London", WorkingHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 30), "Europe/London"), "Recruiter"),
        .. Interviewers,
    ];

    /// <summary>Adds the company's people and four weeks of their meetings from <paramref name="firstDay"/>; the same seed and day give the same tenant.</summary>
    public static void Seed(SandboxTenant tenant, int seed, DateOnly firstDay)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        foreach (var person in People) tenant.AddUser(person);
        new SeededMeetings(tenant, new Random(seed), firstDay).Add();
    }

    private static SandboxUser Person(string name, string displayName, string title, string zone, int startHour, int startMinute, int endHour, int endMinute) =>
        SandboxUser.Create($"{name}@{Domain}", displayName, zone,
            WorkingHours.Weekdays(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute), zone), title);
}
