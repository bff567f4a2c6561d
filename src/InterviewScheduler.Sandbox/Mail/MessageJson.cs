using System.Text.Json.Nodes;
using InterviewScheduler.Sandbox.Calendar;
using InterviewScheduler.Sandbox.Wire;

namespace InterviewScheduler.Sandbox.Mail;

/// <summary>Graph's <c>message</c> resource on the wire, and the <c>sendMail</c> request body.</summary>
internal static class MessageJson
{
    /// <summary>
    /// Writes a message. As in Graph, <c>internetMessageHeaders</c> appear only when <c>$select</c> names them, and
    /// extended properties only when <c>$expand</c> asks for them (those matching its <c>id eq</c> filter).
    /// </summary>
    /// <param name="immutableId">True when the request asked for immutable ids (<c>Prefer: IdType="ImmutableId"</c>).</param>
    public static JsonObject Write(SandboxMessage message, bool withHeaders, Func<ExtendedProperty, bool>? expandProperties, bool immutableId = false)
    {
        var changeKey = ChangeKey(message);
        var json = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{changeKey}\"",
            ["id"] = immutableId ? message.ImmutableId : message.Id,
            ["createdDateTime"] = WireTime.Utc(message.Sent),
            ["lastModifiedDateTime"] = WireTime.Utc(message.Sent),
            ["changeKey"] = changeKey,
            ["categories"] = new JsonArray(),
            ["receivedDateTime"] = WireTime.Utc(message.Sent),
            ["sentDateTime"] = message.IsDraft ? null : WireTime.Utc(message.Sent),
            ["hasAttachments"] = false,
            ["internetMessageId"] = message.InternetMessageId,
            ["subject"] = message.Subject,
            ["bodyPreview"] = message.BodyContent.Length > 255 ? message.BodyContent[..255] : message.BodyContent,
            ["importance"] = "normal",
            ["parentFolderId"] = message.Folder,
            ["conversationId"] = message.ConversationId,
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = message.Folder != MailFolder.Inbox,
            ["isDraft"] = message.IsDraft,
            ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(message.Id)}&exvsurl=1&viewmodel=ReadMessageItem",
            ["body"] = new JsonObject { ["contentType"] = message.BodyContentType, ["content"] = message.BodyContent },
            ["sender"] = Address(message.From),
            ["from"] = Address(message.From),
            ["toRecipients"] = Addresses(message.ToRecipients),
            ["ccRecipients"] = Addresses(message.CcRecipients),
            ["bccRecipients"] = Addresses(message.BccRecipients),
            ["replyTo"] = new JsonArray(),
        };

        if (withHeaders)
        {
            json["internetMessageHeaders"] = new JsonArray([.. message.InternetMessageHeaders.Select(h => (JsonNode)new JsonObject { ["name"] = h.Name, ["value"] = h.Value })]);
        }

        if (expandProperties is not null)
        {
            json["singleValueExtendedProperties"] = new JsonArray([.. message.SingleValueExtendedProperties.Where(expandProperties)
                .Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]);
        }

        return json;
    }

    /// <summary>A change key that changes whenever the message is saved.</summary>
    private static string ChangeKey(SandboxMessage message) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{message.ImmutableId}|{message.Id}|{message.Revision}")))[..16];

    /// <summary>
    /// Reads a <c>message</c> (of <c>sendMail</c>, or a new draft when <paramref name="draft"/>); returns an error
    /// message when it cannot be taken. A draft may have no recipient yet.
    /// </summary>
    public static (OutgoingMessage Message, string? Error) ReadOutgoing(JsonNode? message, bool draft = false)
    {
        if (message is not JsonObject) return (new OutgoingMessage(), "The request body needs a 'message' object.");
        var outgoing = new OutgoingMessage
        {
            Subject = message.Str("subject") ?? string.Empty,
            BodyContentType = message.Node("body").Str("contentType")?.ToLowerInvariant() ?? "text",
            BodyContent = message.Node("body").Str("content") ?? string.Empty,
            ToRecipients = Recipients(message, "toRecipients"),
            CcRecipients = Recipients(message, "ccRecipients"),
            BccRecipients = Recipients(message, "bccRecipients"),
            InternetMessageHeaders = [.. message.Items("internetMessageHeaders").Select(h => new MessageHeader(h.Str("name") ?? string.Empty, h.Str("value") ?? string.Empty))],
            SingleValueExtendedProperties = [.. message.Items("singleValueExtendedProperties").Select(p => new ExtendedProperty(p.Str("id") ?? string.Empty, p.Str("value") ?? string.Empty))],
        };

        if (!draft && outgoing.ToRecipients.Count + outgoing.CcRecipients.Count + outgoing.BccRecipients.Count == 0)
        {
            return (outgoing, "At least one recipient is required, but none were found.");
        }

        if (outgoing.ToRecipients.Concat(outgoing.CcRecipients).Concat(outgoing.BccRecipients).Any(r => !r.Address.Contains('@', StringComparison.Ordinal)))
        {
            return (outgoing, "Each recipient needs a valid 'emailAddress.address'.");
        }

        // Exchange accepts only custom X- headers from clients.
        if (outgoing.InternetMessageHeaders.FirstOrDefault(h => !h.Name.StartsWith("x-", StringComparison.OrdinalIgnoreCase)) is { } header)
        {
            return (outgoing, $"The internet message header name '{header.Name}' should start with 'x-' or 'X-'.");
        }

        return (outgoing, null);
    }

    private static List<Recipient> Recipients(JsonNode message, string name) =>
        [.. message.Items(name).Select(r => new Recipient(r.Node("emailAddress").Str("address") ?? string.Empty, r.Node("emailAddress").Str("name")))];

    private static JsonObject Address(Recipient recipient) => new()
    {
        ["emailAddress"] = new JsonObject { ["name"] = recipient.Name ?? recipient.Address, ["address"] = recipient.Address },
    };

    private static JsonArray Addresses(IReadOnlyList<Recipient> recipients) => new([.. recipients.Select(r => (JsonNode)Address(r))]);
}
