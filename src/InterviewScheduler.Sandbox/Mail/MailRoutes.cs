using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Mail;

/// <summary><c>sendMail</c>, and reading messages from a mailbox, its Sent Items and its Inbox with <c>$filter</c>/<c>$expand</c>/<c>$select</c>.</summary>
internal static partial class MailRoutes
{
    public static void Map(RouteGroupBuilder users, SandboxTenant tenant)
    {
        users.MapPost("/{userId}/sendMail", (HttpContext http, string userId) => SendMail(http, tenant, userId));
        users.MapGet("/{userId}/messages", (HttpContext http, string userId) => List(http, tenant, userId, folder: null));
        users.MapGet("/{userId}/mailFolders/{folder}/messages", (HttpContext http, string userId, string folder) => List(http, tenant, userId, folder));
        users.MapGet("/{userId}/messages/{messageId}", (HttpContext http, string userId, string messageId) => Get(http, tenant, userId, messageId));
        users.MapGet("/{userId}/mailFolders/{folder}/messages/{messageId}", (HttpContext http, string userId, string messageId) => Get(http, tenant, userId, messageId));
    }

    private static async Task<IResult> SendMail(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } sender) return GraphResults.UnknownMailbox(userId);
        if (MimeSubmission.IsMime(http.Request))
        {
            var (mime, mimeError) = await MimeSubmission.ReadAsync(http.Request);
            if (mimeError is not null) return GraphResults.BadRequest(mimeError, "ErrorMimeContentInvalidBase64String");
            tenant.SendMail(sender.Address, mime!);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be a sendMail object.");
        var (message, error) = MessageJson.ReadOutgoing(body.Node("message"));
        if (error is not null) return GraphResults.BadRequest(error, "ErrorInvalidRecipients");

        tenant.SendMail(sender.Address, message, body.Bool("saveToSentItems") ?? true);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static IResult List(HttpContext http, SandboxTenant tenant, string userId, string? folder)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        IEnumerable<SandboxMessage> messages;
        if (folder is null)
        {
            messages = tenant.MessagesIn(user.Address, MailFolder.Inbox).Concat(tenant.MessagesIn(user.Address, MailFolder.SentItems)).OrderByDescending(m => m.Sent);
        }
        else if (MailFolder.Normalize(folder) is { } known)
        {
            messages = tenant.MessagesIn(user.Address, known);
        }
        else if (folder.ToLowerInvariant() is "drafts" or "deleteditems" or "archive" or "junkemail" or "outbox")
        {
            messages = [];
        }
        else
        {
            return GraphResults.Error(StatusCodes.Status404NotFound, "ErrorInvalidIdMalformed", "Id is malformed.");
        }

        var filterText = http.Request.Query["$filter"].ToString();
        if (!string.IsNullOrWhiteSpace(filterText))
        {
            var (filter, error) = ODataFilter.Parse(filterText);
            if (filter is null) return GraphResults.BadRequest(error ?? "Invalid filter clause.", "BadRequest");
            messages = messages.Where(m => filter.Matches(new MessageFilterable(m)));
        }

        var (page, next) = Paging.Apply([.. messages], http.Request);
        var (headers, expand) = Shape(http.Request);
        var context = folder is null ? $"users('{user.Address}')/messages" : $"users('{user.Address}')/mailFolders('{folder}')/messages";
        return GraphResults.Collection(http, context, page.Select(m => (JsonNode)MessageJson.Write(m, headers, expand)), next);
    }

    private static IResult Get(HttpContext http, SandboxTenant tenant, string userId, string messageId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindMessage(user.Address, messageId) is not { } message) return GraphResults.ItemNotFound();
        var (headers, expand) = Shape(http.Request);
        var json = MessageJson.Write(message, headers, expand);
        json.Insert(0, "@odata.context", GraphResults.Context(http, $"users('{user.Address}')/messages/$entity"));
        return GraphResults.Json(json);
    }

    /// <summary>What <c>$select</c> and <c>$expand</c> add: headers when selected, extended properties when expanded (filtered by id).</summary>
    private static (bool Headers, Func<ExtendedProperty, bool>? Expand) Shape(HttpRequest request)
    {
        var headers = request.Query["$select"].ToString().Contains("internetMessageHeaders", StringComparison.OrdinalIgnoreCase);
        var expand = request.Query["$expand"].ToString();
        if (!expand.Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase)) return (headers, null);

        var ids = ExpandedIds().Matches(expand).Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
        return (headers, p => ids.Count == 0 || ids.Any(id => id.Equals(p.Id, StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex("id\\s+eq\\s+'((?:[^']|'')*)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpandedIds();
}
