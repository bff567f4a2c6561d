using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Sandbox.Users;
using InterviewScheduler.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InterviewScheduler.Sandbox.Mail;

/// <summary>
/// <c>sendMail</c>; drafts (create in JSON or MIME, get, update, delete, send); reading messages from a mailbox's
/// Drafts, Sent Items and Inbox with <c>$filter</c>/<c>$expand</c>/<c>$select</c>. Ids follow
/// <c>Prefer: IdType="ImmutableId"</c> request by request, as in Graph.
/// </summary>
internal static partial class MailRoutes
{
    public static void Map(RouteGroupBuilder users, SandboxTenant tenant)
    {
        users.MapPost("/{userId}/sendMail", (HttpContext http, string userId) => SendMail(http, tenant, userId));
        users.MapPost("/{userId}/messages", (HttpContext http, string userId) => CreateDraft(http, tenant, userId));
        users.MapPost("/{userId}/mailFolders/{folder}/messages", (HttpContext http, string userId, string folder) =>
            MailFolder.Normalize(folder) == MailFolder.Drafts ? CreateDraft(http, tenant, userId) : Task.FromResult(GraphResults.BadRequest("Only drafts can be created in this sandbox.")));
        users.MapGet("/{userId}/messages", (HttpContext http, string userId) => List(http, tenant, userId, folder: null));
        users.MapGet("/{userId}/mailFolders/{folder}/messages", (HttpContext http, string userId, string folder) => List(http, tenant, userId, folder));
        users.MapGet("/{userId}/messages/{messageId}", (HttpContext http, string userId, string messageId) => Get(http, tenant, userId, messageId));
        users.MapGet("/{userId}/mailFolders/{folder}/messages/{messageId}", (HttpContext http, string userId, string messageId) => Get(http, tenant, userId, messageId));
        users.MapPatch("/{userId}/messages/{messageId}", (HttpContext http, string userId, string messageId) => UpdateDraft(http, tenant, userId, messageId));
        users.MapDelete("/{userId}/messages/{messageId}", (string userId, string messageId) => Delete(tenant, userId, messageId));
        users.MapPost("/{userId}/messages/{messageId}/send", (string userId, string messageId) => SendDraft(tenant, userId, messageId));
    }

    private static async Task<IResult> SendMail(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } sender) return GraphResults.UnknownMailbox(userId);
        if (MimeSubmission.IsMime(http.Request))
        {
            var (mime, mimeError) = await MimeSubmission.ReadAsync(http.Request);
            if (mimeError is not null) return GraphResults.BadRequest(mimeError, "ErrorMimeContentInvalidBase64String");
            return Sent(tenant.SendMail(sender.Address, mime!));
        }

        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be a sendMail object.");
        var (message, error) = MessageJson.ReadOutgoing(body.Node("message"));
        if (error is not null) return GraphResults.BadRequest(error, "ErrorInvalidRecipients");

        return Sent(tenant.SendMail(sender.Address, message, body.Bool("saveToSentItems") ?? true));
    }

    private static async Task<IResult> CreateDraft(HttpContext http, SandboxTenant tenant, string userId)
    {
        if (tenant.FindUser(userId) is not { } owner) return GraphResults.UnknownMailbox(userId);
        OutgoingMessage message;
        if (MimeSubmission.IsMime(http.Request))
        {
            var (mime, mimeError) = await MimeSubmission.ReadAsync(http.Request, draft: true);
            if (mimeError is not null) return GraphResults.BadRequest(mimeError, "ErrorMimeContentInvalidBase64String");
            message = mime!;
        }
        else
        {
            var body = await GraphJson.ReadObjectAsync(http.Request);
            if (body is null) return GraphResults.BadRequest("The request body must be a message object.");
            var (read, error) = MessageJson.ReadOutgoing(body, draft: true);
            if (error is not null) return GraphResults.BadRequest(error, "ErrorInvalidRecipients");
            message = read;
        }

        var draft = tenant.CreateDraft(owner.Address, message);
        return Message(http, draft, owner.Address, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateDraft(HttpContext http, SandboxTenant tenant, string userId, string messageId)
    {
        if (tenant.FindUser(userId) is not { } owner) return GraphResults.UnknownMailbox(userId);
        var body = await GraphJson.ReadObjectAsync(http.Request);
        if (body is null) return GraphResults.BadRequest("The request body must be a message object.");
        if (tenant.FindMessage(owner.Address, messageId) is not { } existing) return GraphResults.ItemNotFound();
        if (!existing.IsDraft)
        {
            return GraphResults.BadRequest("The property can be updated only on a draft message.", "ErrorInvalidPropertyUpdateSentMessage");
        }

        var updated = tenant.UpdateDraft(owner.Address, messageId, draft => draft with
        {
            Subject = body.Str("subject") ?? draft.Subject,
            BodyContentType = body.Node("body").Str("contentType")?.ToLowerInvariant() ?? draft.BodyContentType,
            BodyContent = body.Node("body").Str("content") ?? draft.BodyContent,
            ToRecipients = body.Node("toRecipients") is null ? draft.ToRecipients : [.. body.Items("toRecipients").Select(Recipient)],
            CcRecipients = body.Node("ccRecipients") is null ? draft.CcRecipients : [.. body.Items("ccRecipients").Select(Recipient)],
            BccRecipients = body.Node("bccRecipients") is null ? draft.BccRecipients : [.. body.Items("bccRecipients").Select(Recipient)],
            // New extended properties are added; one with the same id is replaced.
            SingleValueExtendedProperties =
            [
                .. draft.SingleValueExtendedProperties.Where(p => !body.Items("singleValueExtendedProperties").Any(n => string.Equals(n.Str("id"), p.Id, StringComparison.OrdinalIgnoreCase))),
                .. body.Items("singleValueExtendedProperties").Select(n => new ExtendedProperty(n.Str("id") ?? string.Empty, n.Str("value") ?? string.Empty)),
            ],
        });
        return updated is null ? GraphResults.ItemNotFound() : Message(http, updated, owner.Address, StatusCodes.Status200OK);
    }

    private static IResult Delete(SandboxTenant tenant, string userId, string messageId)
    {
        if (tenant.FindUser(userId) is not { } owner) return GraphResults.UnknownMailbox(userId);
        return tenant.DeleteMessage(owner.Address, messageId) ? Results.NoContent() : GraphResults.ItemNotFound();
    }

    private static IResult SendDraft(SandboxTenant tenant, string userId, string messageId)
    {
        if (tenant.FindUser(userId) is not { } owner) return GraphResults.UnknownMailbox(userId);
        var outcome = tenant.SendDraft(owner.Address, messageId);
        if (ReferenceEquals(outcome, SendOutcome.NotFound)) return GraphResults.ItemNotFound();
        if (ReferenceEquals(outcome, SendOutcome.NoRecipients)) return GraphResults.BadRequest("At least one recipient is required, but none were found.", "ErrorInvalidRecipients");
        return Sent(outcome);
    }

    /// <summary>202 for an accepted send; 429 with Retry-After for an Exchange limit.</summary>
    private static IResult Sent(SendOutcome outcome) =>
        outcome.Limit is { } limit ? GraphResults.Throttled(limit.Code, limit.Message, limit.RetryAfter) : Results.StatusCode(StatusCodes.Status202Accepted);

    private static IResult Message(HttpContext http, SandboxMessage message, string mailbox, int status)
    {
        var immutable = WantsImmutableIds(http.Request);
        var json = MessageJson.Write(message, withHeaders: false, expandProperties: null, immutable);
        json.Insert(0, "@odata.context", GraphResults.Context(http, $"users('{mailbox}')/messages/$entity"));
        if (immutable) http.Response.Headers["Preference-Applied"] = "IdType=\"ImmutableId\"";
        return GraphResults.Json(json, status);
    }

    /// <summary>Whether the request asked for immutable ids (concepts/outlook-immutable-id.md: per request, never sticky).</summary>
    private static bool WantsImmutableIds(HttpRequest request) =>
        request.Headers["Prefer"].Any(p => p is not null && p.Replace(" ", "", StringComparison.Ordinal).Contains("IdType=\"ImmutableId\"", StringComparison.OrdinalIgnoreCase));

    private static Calendar.Recipient Recipient(JsonNode node) => new(node.Node("emailAddress").Str("address") ?? string.Empty, node.Node("emailAddress").Str("name"));

    private static IResult List(HttpContext http, SandboxTenant tenant, string userId, string? folder)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        IEnumerable<SandboxMessage> messages;
        if (folder is null)
        {
            messages = tenant.MessagesIn(user.Address, MailFolder.Inbox).Concat(tenant.MessagesIn(user.Address, MailFolder.SentItems)).Concat(tenant.MessagesIn(user.Address, MailFolder.Drafts)).OrderByDescending(m => m.Sent);
        }
        else if (MailFolder.Normalize(folder) is { } known)
        {
            messages = tenant.MessagesIn(user.Address, known);
        }
        else if (folder.ToLowerInvariant() is "deleteditems" or "archive" or "junkemail" or "outbox")
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
        var immutable = WantsImmutableIds(http.Request);
        var context = folder is null ? $"users('{user.Address}')/messages" : $"users('{user.Address}')/mailFolders('{folder}')/messages";
        return GraphResults.Collection(http, context, page.Select(m => (JsonNode)MessageJson.Write(m, headers, expand, immutable)), next);
    }

    private static IResult Get(HttpContext http, SandboxTenant tenant, string userId, string messageId)
    {
        if (tenant.FindUser(userId) is not { } user) return GraphResults.UnknownMailbox(userId);
        if (tenant.FindMessage(user.Address, messageId) is not { } message) return GraphResults.ItemNotFound();
        var (headers, expand) = Shape(http.Request);
        var json = MessageJson.Write(message, headers, expand, WantsImmutableIds(http.Request));
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
