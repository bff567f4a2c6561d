using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace InterviewScheduler.Sandbox.Wire;

/// <summary><c>$top</c>/<c>$skip</c> paging with an <c>@odata.nextLink</c> when more items remain. Without <c>$top</c> everything is one page.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Page, string? NextLink) Apply<T>(IReadOnlyList<T> items, HttpRequest request)
    {
        var skip = Number(request.Query["$skip"]) ?? 0;
        var top = Number(request.Query["$top"]);
        if (top is null) return ([.. items.Skip(skip)], null);

        var page = items.Skip(skip).Take(top.Value).ToList();
        if (skip + top.Value >= items.Count) return (page, null);

        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["$skip"] = (skip + top.Value).ToString(CultureInfo.InvariantCulture);
        var builder = new QueryBuilder(query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))));
        return (page, $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{builder.ToQueryString()}");
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
