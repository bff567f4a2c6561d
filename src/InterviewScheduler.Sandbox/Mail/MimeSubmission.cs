using System.Text;
using InterviewScheduler.Sandbox.Calendar;
using Microsoft.AspNetCore.Http;
using MimeKit;

namespace InterviewScheduler.Sandbox.Mail;

/// <summary>
/// <c>sendMail</c> in MIME form, as Graph accepts it: the request body is the Base64 of an RFC 5322 message,
/// sent as <c>text/plain</c>. Its <c>X-</c> headers become the message's internet headers and, as in Exchange,
/// single-value extended properties of the PS_INTERNET_HEADERS property set, so a client can find the message
/// again with a <c>singleValueExtendedProperties/Any(...)</c> filter.
/// </summary>
internal static class MimeSubmission
{
    /// <summary>The property-set GUID Exchange files internet headers under.</summary>
    public const string InternetHeadersPropertySet = "{00020386-0000-0000-C000-000000000046}";

    public static bool IsMime(HttpRequest request) =>
        request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The message in the body, or an error in Graph's words.</summary>
    public static async Task<(OutgoingMessage? Message, string? Error)> ReadAsync(HttpRequest request, bool draft = false)
    {
        using var reader = new StreamReader(request.Body, Encoding.ASCII, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        MimeMessage mime;
        try
        {
            using var stream = new MemoryStream(Convert.FromBase64String(text.Trim()));
            mime = await MimeMessage.LoadAsync(stream, request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is FormatException or ParseException)
        {
            return (null, "Invalid base64 string for MIME content.");
        }

        var headers = mime.Headers
            .Where(h => h.Field.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            .Select(h => new MessageHeader(h.Field, h.Value))
            .ToList();
        var message = new OutgoingMessage
        {
            Subject = mime.Subject ?? string.Empty,
            BodyContentType = mime.HtmlBody is null ? "text" : "html",
            BodyContent = mime.HtmlBody ?? mime.TextBody ?? string.Empty,
            TextAlternative = mime.HtmlBody is null ? null : mime.TextBody,
            ToRecipients = Recipients(mime.To),
            CcRecipients = Recipients(mime.Cc),
            BccRecipients = Recipients(mime.Bcc),
            InternetMessageHeaders = headers,
            SingleValueExtendedProperties = [.. headers.Select(h => new ExtendedProperty($"String {InternetHeadersPropertySet} Name {h.Name}", h.Value))],
        };
        return !draft && message.ToRecipients.Count + message.CcRecipients.Count + message.BccRecipients.Count == 0
            ? (message, "At least one recipient is required, but none were found.")
            : (message, null);
    }

    private static List<Recipient> Recipients(InternetAddressList list) =>
        [.. list.Mailboxes.Select(m => new Recipient(m.Address, string.IsNullOrEmpty(m.Name) ? null : m.Name))];
}
