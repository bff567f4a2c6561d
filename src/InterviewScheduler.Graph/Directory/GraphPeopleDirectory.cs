using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Graph.Calendar;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace InterviewScheduler.Graph.Directory;

/// <summary>
/// Finds people with Graph <c>GET /users?$search="displayName:…" OR "mail:…"</c> (api/user-list.md). Searching
/// directory objects is an advanced query: it needs the <c>ConsistencyLevel: eventual</c> header
/// (aad-advanced-queries.md). Application permission: <c>User.ReadBasic.All</c>, the least one that lists users with
/// their names and addresses.
/// </summary>
public sealed class GraphPeopleDirectory(GraphServiceClient graph) : IPeopleDirectory
{
    public async Task<IReadOnlyList<DirectoryPerson>> SearchAsync(string text, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A search clause is a quoted string: keep only what a name or an address holds, so nothing can close the quote.
        var term = new string([.. text.Where(c => char.IsLetterOrDigit(c) || c is '.' or '@' or '-' or '_' or '\'' or ' ')]).Trim();
        if (term.Length == 0) return [];
        term = term.Replace("'", "''", StringComparison.Ordinal);
        try
        {
            var page = await graph.Users.GetAsync(
                request =>
                {
                    request.Headers.Add("ConsistencyLevel", "eventual");
                    request.QueryParameters.Search = $"\"displayName:{term}\" OR \"mail:{term}\"";
                    request.QueryParameters.Select = ["displayName", "mail", "userPrincipalName", "jobTitle"];
                    request.QueryParameters.Top = top;
                    request.QueryParameters.Count = true;
                },
                cancellationToken);
            return [.. (page?.Value ?? [])
                .Select(u => (u.DisplayName, Email: u.Mail ?? u.UserPrincipalName, u.JobTitle))
                .Where(u => !string.IsNullOrWhiteSpace(u.Email))
                .Select(u => new DirectoryPerson(u.DisplayName ?? u.Email!, u.Email!, u.JobTitle))];
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused("searching people", "(directory)", exception);
        }
    }
}
