using System.Text.RegularExpressions;

namespace InterviewScheduler.Infra.Tests;

/// <summary>
/// The Microsoft Graph permissions are the least the code needs, per mailbox group, and every place that names them
/// agrees: grant-graph-permissions.sh (Entra ID), restrict-mailboxes.ps1 (Exchange RBAC for Applications),
/// infra/README.md and the README. Each permission is tied to the Graph calls in src/InterviewScheduler.Graph that need
/// it, with the Microsoft page that names the permission for that call.
/// </summary>
public sealed partial class GraphPermissionTests
{
    private const string Senders = "senders";
    private const string Organizer = "organizer";
    private const string Interviewers = "interviewers";
    /// <summary>Directory permissions: granted in Entra ID, not scoped to mailboxes.</summary>
    private const string Directory = "directory";

    /// <summary>
    /// Every Graph call the code makes (as written, receiver and mailbox variable included), the mailbox group it acts
    /// on, the permission granted to that group that covers it, and the Microsoft Graph page naming its permissions.
    /// </summary>
    private static readonly GraphCall[] Calls =
    [
        // Acknowledgments (Mail/GraphAcknowledgmentMailer.cs): a draft, sent, found again by its marker before a retry.
        new("graph.Users[senderMailbox].Messages.PostAsync", Senders, "Mail.ReadWrite", "https://learn.microsoft.com/graph/api/user-post-messages"),
        new("graph.Users[senderMailbox].Messages[draftId].Send.PostAsync", Senders, "Mail.Send", "https://learn.microsoft.com/graph/api/message-send"),
        // Reads the marker, an extended property: Mail.ReadBasic excludes extended properties, Mail.ReadWrite (held) includes them.
        new("graph.Users[senderMailbox].Messages[draftId].GetAsync", Senders, "Mail.ReadWrite", "https://learn.microsoft.com/graph/api/message-get"),
        new("graph.Users[senderMailbox].MailFolders[folder].Messages.GetAsync", Senders, "Mail.ReadWrite", "https://learn.microsoft.com/graph/api/user-list-messages"),

        // Bookings (Calendar/GraphCalendarBooker.cs), all in the organizer's calendar.
        new("graph.Users[organizerMailbox].Events.PostAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/user-post-events"),
        new("graph.Users[organizerMailbox].Events.ToPostRequestInformation", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/user-post-events"),
        new("graph.Users[organizerMailbox].Events.GetAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/user-list-events"),
        new("graph.Users[organizerMailbox].Events.WithUrl", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/user-list-events"),
        new("graph.Users[organizerMailbox].Events[eventId].GetAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/event-get"),
        new("graph.Users[organizerMailbox].Events[eventId].PatchAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/event-update"),
        new("graph.Users[organizerMailbox].Events[eventId].Cancel.PostAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/event-cancel"),
        // The health check reads the organizer's calendar (Scheduling:OrganizerMailbox) for its Teams meeting providers.
        new("graph.Users[mailbox].Calendar.GetAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/calendar-get"),

        // Free/busy and working hours (Calendar/GraphFreeBusyDirectory.cs): asked on the organizer's calendar, about
        // each interviewer. Least permission Calendars.ReadBasic; Exchange's narrowest application role is Calendars.Read.
        new("graph.Users[organizer].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/calendar-getschedule"),
        new("graph.Users[organizer].Calendar.GetSchedule.ToPostRequestInformation", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/calendar-getschedule"),
        new("graph.Users[organizer].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync", Interviewers, "Calendars.Read", "https://learn.microsoft.com/graph/api/calendar-getschedule"),
        new("graph.Users[organizer].Calendar.GetSchedule.ToPostRequestInformation", Interviewers, "Calendars.Read", "https://learn.microsoft.com/graph/api/calendar-getschedule"),

        // Changes in the organizer's calendar (Subscriptions/): change notifications on users/{organizer}/events need a
        // read permission on that resource; the calendarView delta catches what they miss.
        new("graph.Subscriptions.PostAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/subscription-post-subscriptions"),
        new("graph.Subscriptions[subscriptionId].PatchAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/subscription-update"),
        new("graph.Subscriptions[subscriptionId].DeleteAsync", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/subscription-delete"),
        new("graph.Users[organizerMailbox].CalendarView.Delta", Organizer, "Calendars.ReadWrite", "https://learn.microsoft.com/graph/api/event-delta"),

        // The people search in the recruiter's workspace (Directory/GraphPeopleDirectory.cs).
        new("graph.Users.GetAsync", Directory, "User.ReadBasic.All", "https://learn.microsoft.com/graph/api/user-list"),
    ];

    /// <summary>A permission implies the narrower ones of its family (a tenant-wide grant covers a group's narrower one).</summary>
    private static readonly Dictionary<string, string[]> Implies = new(StringComparer.Ordinal)
    {
        ["Calendars.ReadWrite"] = ["Calendars.Read", "Calendars.ReadBasic.All"],
        ["Calendars.Read"] = ["Calendars.ReadBasic.All"],
        ["Mail.ReadWrite"] = ["Mail.Read", "Mail.ReadBasic", "Mail.ReadBasic.All"],
    };

    private static string Root => BicepCli.RepositoryRoot;

    [Fact]
    public void Every_graph_call_in_the_code_is_mapped_to_a_permission()
    {
        var inCode = CodeCalls();

        Assert.True(inCode.Count >= 10, $"found only {inCode.Count} Graph calls: is the pattern still right?");
        Assert.Equal(inCode.Order(StringComparer.Ordinal), Calls.Select(c => c.Code).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_mailbox_group_gets_exactly_the_permissions_its_calls_need_in_the_exchange_script()
    {
        var script = ExchangeScriptRoles();

        Assert.Equal([Interviewers, Organizer, Senders], script.Keys.Order(StringComparer.Ordinal));
        foreach (var (group, roles) in script)
        {
            Assert.Equal(Needed(group), roles.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_readme_table_per_mailbox_group_is_the_exchange_script_and_the_directory_grant()
    {
        var table = InfraReadmeGroups();

        foreach (var group in new[] { Senders, Organizer, Interviewers, Directory })
        {
            Assert.True(table.ContainsKey(group), $"infra/README.md has no row for {group}");
            Assert.Equal(Needed(group), table[group].Order(StringComparer.Ordinal));
        }

        Assert.Equal(4, table.Count);
    }

    [Fact]
    public void With_exchange_rbac_the_grant_script_grants_only_the_directory_permissions()
    {
        var (defaults, mailbox) = GrantScriptRoles();

        // The script drops every MAILBOX_APP_ROLES entry when GRAPH_MAILBOX_ACCESS=exchange-rbac.
        var left = defaults.Where(role => !mailbox.Contains(role)).Order(StringComparer.Ordinal);

        Assert.Equal(Needed(Directory), left);
        Assert.All(Calls.Where(c => c.Group != Directory), c => Assert.Contains(c.Permission, mailbox));
    }

    [Fact]
    public void Tenant_wide_the_grant_script_grants_the_fewest_permissions_that_cover_every_group()
    {
        var (defaults, _) = GrantScriptRoles();
        var needed = Calls.Select(c => c.Permission).ToHashSet(StringComparer.Ordinal);

        // Each needed permission is granted or implied by a grant; each grant is needed and implied by no other grant.
        Assert.All(needed, permission => Assert.True(defaults.Contains(permission) || defaults.Any(g => Implied(g).Contains(permission)),
            $"{permission} is neither granted nor implied by the grant script's default"));
        Assert.All(defaults, grant =>
        {
            Assert.Contains(grant, needed);
            Assert.DoesNotContain(defaults, other => other != grant && Implied(other).Contains(grant));
        });
    }

    [Fact]
    public void Both_readmes_list_the_tenant_wide_grants_of_the_grant_script()
    {
        var (defaults, _) = GrantScriptRoles();
        var expected = defaults.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, TablePermissions(Section("infra/README.md", "### 2. Microsoft Graph application permissions", "### 3.")));
        Assert.Equal(expected, TablePermissions(Section("README.md", "### A real tenant", "### Deploy to Azure")));
    }

    [Fact]
    public void No_script_or_readme_names_a_permission_the_code_does_not_use()
    {
        // MailboxSettings.Read was granted once and never used: working hours and zones come with getSchedule.
        // (infra/README.md may still name it in prose, telling an administrator to remove an older grant.)
        Assert.DoesNotContain("MailboxSettings", File.ReadAllText(Path.Combine(Root, "infra", "scripts", "restrict-mailboxes.ps1")), StringComparison.Ordinal);
        foreach (var file in new[] { "README.md", "infra/README.md" })
        {
            var rows = File.ReadAllLines(Path.Combine(Root, file)).Where(line => line.StartsWith('|'));
            Assert.DoesNotContain(rows, row => row.Contains("MailboxSettings", StringComparison.Ordinal));
        }

        var (defaults, _) = GrantScriptRoles();
        Assert.DoesNotContain("MailboxSettings.Read", defaults);
        Assert.DoesNotContain(CodeFiles(), file => File.ReadAllText(file).Contains("MailboxSettings", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_call_cites_a_microsoft_graph_page()
    {
        Assert.All(Calls, c => Assert.StartsWith("https://learn.microsoft.com/graph/api/", c.Doc, StringComparison.Ordinal));
    }

    /// <summary>The permissions the code needs for a mailbox group (or <c>directory</c>), per the call map above.</summary>
    internal static List<string> Needed(string group) =>
        Calls.Where(c => c.Group == group).Select(c => c.Permission).Distinct().Order(StringComparer.Ordinal).ToList();

    private static HashSet<string> Implied(string permission) =>
        Implies.TryGetValue(permission, out var narrower) ? narrower.ToHashSet(StringComparer.Ordinal) : [];

    private static IEnumerable<string> CodeFiles() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Root, "src", "InterviewScheduler.Graph"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static HashSet<string> CodeCalls() =>
        CodeFiles().SelectMany(file => GraphCallPattern().Matches(File.ReadAllText(file)).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The default roles and the mailbox roles of grant-graph-permissions.sh.</summary>
    private static (HashSet<string> Defaults, HashSet<string> Mailbox) GrantScriptRoles()
    {
        var script = File.ReadAllText(Path.Combine(Root, "infra", "scripts", "grant-graph-permissions.sh"));
        HashSet<string> List(string name)
        {
            var match = Regex.Match(script, $"^readonly {name}=\"([^\"]*)\"$", RegexOptions.Multiline);
            Assert.True(match.Success, $"grant-graph-permissions.sh has no readonly {name}=\"...\"");
            return match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        return (List("DEFAULT_GRAPH_APP_ROLES"), List("MAILBOX_APP_ROLES"));
    }

    /// <summary>The Graph permission behind each "Application ..." role restrict-mailboxes.ps1 assigns, by group.</summary>
    private static Dictionary<string, List<string>> ExchangeScriptRoles()
    {
        var script = File.ReadAllText(Path.Combine(Root, "infra", "scripts", "restrict-mailboxes.ps1"));
        var groups = new Dictionary<string, string>(StringComparer.Ordinal) { ["Sender"] = Senders, ["Organizer"] = Organizer, ["Interviewer"] = Interviewers };
        var roles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match match in ExchangeRolesPattern().Matches(script))
        {
            roles[groups[match.Groups["group"].Value]] = QuotedRole().Matches(match.Groups["roles"].Value)
                .Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        }

        return roles;
    }

    /// <summary>infra/README.md's per-group table: rows "| group | `Permission` | ...".</summary>
    internal static Dictionary<string, List<string>> InfraReadmeGroups()
    {
        var text = Section("infra/README.md", "### 3. Restrict the app to the hiring mailboxes", "## After deployment");
        return GroupRow().Matches(text)
            .GroupBy(m => m.Groups["group"].Value, m => m.Groups["permission"].Value)
            .ToDictionary(g => g.Key, g => g.Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The permissions in the README's table of tenant-wide grants ("A real tenant").</summary>
    internal static List<string> RootReadmeTenantGrants() => TablePermissions(Section("README.md", "### A real tenant", "### Deploy to Azure"));

    private static string Section(string file, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{file} has no '{from}'");
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        Assert.True(end > start, $"{file} has no '{to}' after '{from}'");
        return text[start..end];
    }

    private static List<string> TablePermissions(string section) =>
        PermissionRow().Matches(section).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"graph\.(?:Users|Subscriptions)(?:\[[A-Za-z]+\])?(?:\.[A-Za-z]+(?:\[[A-Za-z]+\])?)*", RegexOptions.CultureInvariant)]
    private static partial Regex GraphCallPattern();

    [GeneratedRegex(@"\$(?<group>Sender|Organizer|Interviewer)Roles\s*=\s*@\((?<roles>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ExchangeRolesPattern();

    [GeneratedRegex(@"'Application ([A-Za-z.]+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedRole();

    [GeneratedRegex(@"^\| (?<group>senders|organizer|interviewers|directory) \| `(?<permission>[A-Za-z.]+)` \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GroupRow();

    [GeneratedRegex(@"^\| `([A-Za-z]+\.[A-Za-z.]+)` \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PermissionRow();

    /// <summary>One Graph call as the code writes it, the mailbox group it acts on, the permission covering it, its page.</summary>
    private sealed record GraphCall(string Code, string Group, string Permission, string Doc);
}
