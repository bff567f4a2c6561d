using System.Globalization;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Graph.Calendar;
using InterviewScheduler.Graph.Connection;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace InterviewScheduler.Graph.Subscriptions;

/// <summary>
/// Graph change-notification subscriptions on the organizer mailbox's events (created, updated, deleted), so that
/// a moved or cancelled interview reaches the debrief within seconds. Expirations are UTC instants; Graph allows at
/// most 10080 minutes (7 days) ahead for Outlook events.
/// </summary>
/// <remarks>
/// Graph validates the notification and lifecycle URLs before it answers the create (each must echo a validation
/// token within 10 s), so a create takes as long as that handshake. A throttled request is retried by the SDK's
/// retry handler; Graph's refusals surface as <see cref="GraphCalendarException"/> with its status and code.
/// </remarks>
public sealed class GraphCalendarSubscriptions(GraphServiceClient graph) : ICalendarSubscriptions
{
    /// <summary>What the debrief needs to hear about: every kind of change to an event.</summary>
    public const string WatchedChanges = "created,updated,deleted";

    public async Task<CalendarSubscription> CreateAsync(string organizerMailbox, Uri notificationUrl, Uri lifecycleNotificationUrl, string clientState, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentNullException.ThrowIfNull(notificationUrl);
        ArgumentNullException.ThrowIfNull(lifecycleNotificationUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientState);
        // Graph echoes clientState in every notification and caps it at 128 characters.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clientState.Length, 128, nameof(clientState));

        var request = new Subscription
        {
            ChangeType = WatchedChanges,
            NotificationUrl = notificationUrl.ToString(),
            LifecycleNotificationUrl = lifecycleNotificationUrl.ToString(),
            Resource = $"users/{organizerMailbox}/events",
            ExpirationDateTime = expiresAt.ToUniversalTime(),
            ClientState = clientState,
        };
        try
        {
            var created = await graph.Subscriptions.PostAsync(request, cancellationToken: cancellationToken);
            return Held(created, created?.Id, request, $"subscribing to mailbox '{organizerMailbox}'");
        }
        catch (ApiException exception)
        {
            throw Refused($"subscribing to mailbox '{organizerMailbox}'", exception);
        }
    }

    public async Task<CalendarSubscription?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var request = new Subscription { ExpirationDateTime = expiresAt.ToUniversalTime() };
        try
        {
            var renewed = await graph.Subscriptions[subscriptionId].PatchAsync(request, cancellationToken: cancellationToken);
            return Held(renewed, subscriptionId, request, $"renewing subscription '{subscriptionId}'");
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            // Expired, removed by Graph (subscriptionRemoved) or deleted: the caller subscribes again.
            return null;
        }
        catch (ApiException exception)
        {
            throw Refused($"renewing subscription '{subscriptionId}'", exception);
        }
    }

    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        try
        {
            await graph.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            // Gone already: deleted is what was asked for.
        }
        catch (ApiException exception)
        {
            throw Refused($"deleting subscription '{subscriptionId}'", exception);
        }
    }

    /// <summary>The subscription as Graph answered it, filling what the answer left out from the request.</summary>
    private static CalendarSubscription Held(Subscription? answer, string? knownId, Subscription request, string what)
    {
        var id = answer?.Id ?? knownId;
        if (string.IsNullOrEmpty(id)) throw new GraphCalendarException($"Microsoft Graph answered {what} without a subscription id.", 0, null);
        return new CalendarSubscription(
            id,
            answer?.Resource ?? request.Resource ?? string.Empty,
            (answer?.ExpirationDateTime ?? request.ExpirationDateTime!.Value).ToUniversalTime());
    }

    private static GraphCalendarException Refused(string what, ApiException exception)
    {
        var code = (exception as ODataError)?.Error?.Code;
        var detail = GraphErrorText.Redact((exception as ODataError)?.Error?.Message);
        var codeText = code is null ? string.Empty : $" ({code})";
        var detailText = string.IsNullOrWhiteSpace(detail) ? "." : $": {detail}";
        return new GraphCalendarException(
            string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph answered {exception.ResponseStatusCode}{codeText} to {what}{detailText}"),
            exception.ResponseStatusCode,
            code,
            exception);
    }
}
