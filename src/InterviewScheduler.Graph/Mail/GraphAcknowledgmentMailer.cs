using System.Globalization;
using System.Text;
using InterviewScheduler.Core.Applications.Acknowledgments;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using MimeKit;

namespace InterviewScheduler.Graph.Mail;

/// <summary>
/// Sends acknowledgments with Graph <c>sendMail</c> in MIME form, which is how a message gets both an HTML body
/// and our own plain-text alternative, and finds them again in Sent Items by their marker header.
/// </summary>
/// <remarks>
/// Exchange keeps a message's <c>X-</c> headers as extended properties in the PS_INTERNET_HEADERS property set,
/// which is what <see cref="FindSentAsync"/> filters on. The SDK's retry handler is off for sends: a throttled
/// send is handed back as <see cref="MailThrottledException"/> and retried through the queue, not by sleeping.
/// </remarks>
public sealed class GraphAcknowledgmentMailer(GraphServiceClient graph, TimeProvider time) : IAcknowledgmentMailer
{
    /// <summary>The internet header that carries the marker.</summary>
    public const string MarkerHeader = "X-InterviewScheduler-Marker";

    /// <summary>The marker header as a Graph single-value extended property id (PS_INTERNET_HEADERS).</summary>
    public const string MarkerPropertyId = "String {00020386-0000-0000-C000-000000000046} Name " + MarkerHeader;

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.OrdinalIgnoreCase)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public async Task SendAsync(string senderMailbox, AcknowledgmentLetter letter, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(senderMailbox));
        message.To.Add(new MailboxAddress(letter.ToName, letter.ToAddress));
        message.Subject = letter.Subject;
        message.Headers.Add(MarkerHeader, marker);
        message.Body = new BodyBuilder { HtmlBody = letter.Html, TextBody = letter.Text }.ToMessageBody();

        using var mime = new MemoryStream();
        await message.WriteToAsync(mime, cancellationToken);
        using var content = new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToBase64String(mime.GetBuffer(), 0, (int)mime.Length)));

        // The SDK's request builder gives the URL; the MIME body replaces its JSON one.
        var request = graph.Users[senderMailbox].SendMail.ToPostRequestInformation(new SendMailPostRequestBody());
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(content, "text/plain");
        request.AddRequestOptions([new RetryHandlerOption { MaxRetry = 0 }]);
        try
        {
            await graph.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken);
        }
        catch (ApiException exception) when (exception.ResponseStatusCode is 429 or 503)
        {
            throw new MailThrottledException(RetryAfter(exception), exception);
        }
    }

    public async Task<DateTimeOffset?> FindSentAsync(string senderMailbox, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var value = marker.Replace("'", "''", StringComparison.Ordinal);
        var page = await graph.Users[senderMailbox].MailFolders["sentitems"].Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerPropertyId}' and ep/value eq '{value}')";
                request.QueryParameters.Select = ["id", "sentDateTime"];
                request.QueryParameters.Top = 1;
            },
            cancellationToken);
        return page?.Value is [var found, ..] ? found.SentDateTime ?? DateTimeOffset.MinValue : null;
    }

    private TimeSpan RetryAfter(ApiException exception)
    {
        if (exception.ResponseHeaders.TryGetValue("Retry-After", out var values) && values.FirstOrDefault() is { } text)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(1, seconds));
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return TimeSpan.FromSeconds(Math.Max(1, (at - time.GetUtcNow()).TotalSeconds));
        }

        return DefaultRetryAfter;
    }
}
