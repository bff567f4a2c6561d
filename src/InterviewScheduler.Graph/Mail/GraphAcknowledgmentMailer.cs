using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Graph.Connection;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace InterviewScheduler.Graph.Mail;

/// <summary>
/// Acknowledgments as Graph drafts: created in JSON with the marker as a named extended property and
/// <c>Prefer: IdType="ImmutableId"</c> (concepts/outlook-immutable-id.md), sent with <c>/send</c> (api/message-send.md),
/// and traced by the recorded id, then by the marker in Sent Items and Drafts.
/// </summary>
/// <remarks>
/// <para>Why this shape: internet headers do not exist on the Sent Items copy (microsoft-graph-docs issue 2716), so a
/// marker header proves nothing; a named extended property is the message's own and stays with it. The docs disagree
/// on whether the draft's immutable id still finds the sent copy (outlook-immutable-id.md says yes, mail-api-overview.md
/// says sending a draft is the exception), so a 404 on the id falls back to the marker.</para>
/// <para>A send completes after its 202 (concepts/outlook-things-to-know-about-send-mail.md): for a while the message
/// is in no folder, which <see cref="TraceAsync"/> reports as <see cref="MailPlace.Nowhere"/>.</para>
/// <para>The SDK's retry handler is off: a 429 is handed back with its Retry-After and retried through the queue, and
/// a 5xx is never re-sent blindly (it may have taken effect). Each request has <see cref="MailOptions"/>' timeout.</para>
/// </remarks>
public sealed class GraphAcknowledgmentMailer(GraphServiceClient graph, MailOptions options, TimeProvider time) : IAcknowledgmentMailer
{
    /// <summary>The named extended property that carries the marker (a property set of this project's own).</summary>
    public const string MarkerPropertyId = "String {4fc4e1fe-4cf7-4d4c-a3e7-aca56481c3b8} Name InterviewSchedulerMarker";

    private const string ImmutableIds = "IdType=\"ImmutableId\"";

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    // Graph error codes that no retry can fix (api/user-sendmail.md, concepts/auth-limit-mailbox-access.md, errors.md).
    private static readonly HashSet<string> Permanent = new(StringComparer.OrdinalIgnoreCase)
    {
        "ErrorInvalidRecipients", "ErrorAccessDenied", "ErrorInvalidUser", "ResourceNotFound", "ErrorNonExistentMailbox",
        "MailboxNotEnabledForRESTAPI", "MailboxNotSupportedForRESTAPI", "ErrorMimeContentInvalidBase64String", "ErrorSendAsDenied",
    };

    public Task<string> CreateDraftAsync(string senderMailbox, AcknowledgmentLetter letter, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var draft = new Message
        {
            Subject = letter.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = letter.Html },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = letter.ToAddress, Name = letter.ToName } }],
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkerPropertyId, Value = marker }],
        };
        return CallAsync(
            async token =>
            {
                var created = await graph.Users[senderMailbox].Messages.PostAsync(draft, Configure, token);
                return created?.Id ?? throw new MailOutcomeUnknownException("Graph created a draft without an id.");
            },
            cancellationToken);
    }

    public Task SendDraftAsync(string senderMailbox, string draftId, CancellationToken cancellationToken) =>
        CallAsync(
            async token =>
            {
                try
                {
                    await graph.Users[senderMailbox].Messages[draftId].Send.PostAsync(Configure, token);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 404 && IsItemNotFound(error))
                {
                    // The draft is gone: sent already (by an attempt whose answer was lost) or deleted. Only a trace can tell.
                    throw new MailOutcomeUnknownException("The draft to send was not found: sent already, or deleted.", error);
                }

                return true;
            },
            cancellationToken);

    public Task<MailTrace> TraceAsync(string senderMailbox, string? draftId, string marker, CancellationToken cancellationToken) =>
        CallAsync(
            async token =>
            {
                if (draftId is not null)
                {
                    try
                    {
                        var message = await graph.Users[senderMailbox].Messages[draftId].GetAsync(
                            r =>
                            {
                                Configure(r);
                                r.QueryParameters.Select = ["id", "isDraft", "sentDateTime"];
                            },
                            token);
                        if (message is not null)
                        {
                            return message.IsDraft == true ? new MailTrace(MailPlace.Draft, message.Id ?? draftId) : new MailTrace(MailPlace.SentItems, SentAt: message.SentDateTime);
                        }
                    }
                    catch (ODataError error) when (error.ResponseStatusCode == 404 && IsItemNotFound(error))
                    {
                        // Sent with a new id, in transit, or deleted: the marker tells.
                    }
                }

                if (await FindByMarkerAsync(senderMailbox, "sentitems", marker, token) is { } sent) return new MailTrace(MailPlace.SentItems, SentAt: sent.SentDateTime);
                if (await FindByMarkerAsync(senderMailbox, "drafts", marker, token) is { } draft) return new MailTrace(MailPlace.Draft, draft.Id);
                return MailTrace.Nowhere;
            },
            cancellationToken);

    private async Task<Message?> FindByMarkerAsync(string senderMailbox, string folder, string marker, CancellationToken cancellationToken)
    {
        var value = marker.Replace("'", "''", StringComparison.Ordinal);
        var page = await graph.Users[senderMailbox].MailFolders[folder].Messages.GetAsync(
            r =>
            {
                Configure(r);
                r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerPropertyId}' and ep/value eq '{value}')";
                r.QueryParameters.Select = ["id", "isDraft", "sentDateTime"];
                r.QueryParameters.Top = 1;
            },
            cancellationToken);
        return page?.Value is [var found, ..] ? found : null;
    }

    /// <summary>Immutable ids on every request (the header applies per request), and no SDK retries.</summary>
    private static void Configure<T>(RequestConfiguration<T> request)
        where T : class, new()
    {
        request.Headers.Add("Prefer", ImmutableIds);
        request.Options.Add(new RetryHandlerOption { MaxRetry = 0 });
    }

    private static bool IsItemNotFound(ODataError error) =>
        error.Error?.Code is null or "ErrorItemNotFound" or "ErrorInvalidIdMalformed";

    /// <summary>Runs one Graph call under the request timeout and turns its failures into the port's three kinds.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
        try
        {
            return await call(timeout.Token);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 429)
        {
            throw new MailThrottledException(RetryAfterHeader.Wait(error.ResponseHeaders, time.GetUtcNow()) ?? DefaultRetryAfter, error);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 400 or 403 or 404 && error.Error?.Code is { } code && Permanent.Contains(code))
        {
            // Graph's message can name an address; the reason keeps the code and a fixed explanation only.
            throw new MailRejectedException(code, Explain(code), error);
        }
        catch (ApiException error) when (error.ResponseStatusCode >= 500)
        {
            throw new MailOutcomeUnknownException($"Graph answered {error.ResponseStatusCode}; the request may have taken effect.", error);
        }
        catch (OperationCanceledException canceled) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailOutcomeUnknownException($"No answer from Graph within {options.RequestTimeoutSeconds} s; the request may have taken effect.", canceled);
        }
        catch (HttpRequestException lost)
        {
            throw new MailOutcomeUnknownException("The connection to Graph failed; the request may have taken effect.", lost);
        }
    }

    private static string Explain(string code) => code switch
    {
        "ErrorInvalidRecipients" => "the candidate's address was refused as a recipient",
        "ErrorAccessDenied" or "ErrorSendAsDenied" => "the app may not use the sender mailbox (permissions or an access policy)",
        "ErrorMimeContentInvalidBase64String" => "the message could not be read",
        _ => "the sender mailbox does not exist or has no Exchange Online mailbox",
    };
}
