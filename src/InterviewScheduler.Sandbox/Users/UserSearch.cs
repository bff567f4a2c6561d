using System.Text.RegularExpressions;

namespace InterviewScheduler.Sandbox.Users;

/// <summary>
/// Graph's <c>$search</c> on users: quoted <c>"property:text"</c> clauses joined by OR (AND is not modelled), where
/// a clause matches when a word of the property starts with the text, ignoring case (search-query-parameter.md,
/// "Using $search on directory object collections": tokenized search on displayName, mail and other string properties).
/// </summary>
internal sealed partial record UserSearch(string Property, string Text)
{
    public static IReadOnlyList<UserSearch>? Parse(string search)
    {
        var clauses = Regex.Split(search.Trim(), @"\s+OR\s+", RegexOptions.None, TimeSpan.FromSeconds(1));
        var terms = new List<UserSearch>();
        foreach (var clause in clauses)
        {
            var match = Clause().Match(clause.Trim());
            if (!match.Success) return null;
            terms.Add(new UserSearch(match.Groups["property"].Value, match.Groups["text"].Value));
        }

        return terms;
    }

    public bool Matches(SandboxUser user)
    {
        var value = Property.ToLowerInvariant() switch
        {
            "displayname" => user.DisplayName,
            "mail" or "userprincipalname" => user.Address,
            "jobtitle" => user.JobTitle ?? string.Empty,
            _ => string.Empty,
        };
        return Words().Split(value).Any(w => w.StartsWith(Text, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("^\"(?<property>[A-Za-z]+):(?<text>[^\"]+)\"$", RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    // Words of a name or an address: spaces, dots, @, dashes and underscores separate them.
    [GeneratedRegex("[\\s.@_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
