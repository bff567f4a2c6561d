using System.Globalization;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Graph.Calendar;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.CalendarView.Delta;
using Microsoft.Kiota.Abstractions;

namespace InterviewScheduler.Graph.Subscriptions;

/// <summary>
/// What changed in the organizer's calendar, from Graph's calendarView delta: the reconciliation that catches the
/// changes a lost or late notification would miss. The token it hands out is Graph's whole <c>@odata.deltaLink</c>
/// URL (opaque to callers; store it as is).
/// </summary>
/// <remarks>
/// The window belongs to the round that started without a token; while a token is used Graph keeps that window and
/// <c>window</c> is ignored, so a caller that wants a new window passes a null token. When Graph has lost the sync
/// state (410 Gone, or any 4xx with <c>syncStateNotFound</c>, <c>syncStateInvalid</c> or <c>resyncRequired</c>: the
/// delta-query overview's "Token duration" promises only "a 40X-series error") the feed starts a new round over
/// <c>window</c> and reports every event in it as changed. An id seen several times in one round counts once, as its last appearance says (changed or removed).
/// </remarks>
public sealed class GraphCalendarChangeFeed(GraphServiceClient graph) : ICalendarChangeFeed
{
    /// <summary>Events per page asked for (<c>Prefer: odata.maxpagesize</c>); Graph's default of 10 means many round trips.</summary>
    public const int PageSize = 50;

    private const string PreferPageSize = "odata.maxpagesize=50";

    public async Task<CalendarDelta> ReadChangesAsync(string organizerMailbox, TimeRange window, string? deltaToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        if (deltaToken is not null && !Uri.TryCreate(deltaToken, UriKind.Absolute, out _))
        {
            throw new ArgumentException("A delta token is the deltaLink URL an earlier call returned.", nameof(deltaToken));
        }

        try
        {
            return await ReadRoundAsync(organizerMailbox, window, deltaToken, cancellationToken);
        }
        catch (ODataError error) when (deltaToken is not null && IsLostSyncState(error))
        {
            // Graph no longer has the state behind the token: start over, everything in the window counts as changed.
            return await ReadChangesAsync(organizerMailbox, window, deltaToken: null, cancellationToken);
        }
        catch (ODataError error) when (IsLostSyncState(error))
        {
            throw GraphCalendarMapping.Refused("reading calendar changes", organizerMailbox, error);
        }
    }

    /// <summary>Graph's ways of saying a delta token can no longer be used: start a new round.</summary>
    private static bool IsLostSyncState(ODataError error) =>
        error.ResponseStatusCode == 410
        || (error.ResponseStatusCode is >= 400 and < 500 && error.Error?.Code is { } code
            && (code.Equals("syncStateNotFound", StringComparison.OrdinalIgnoreCase) || code.Equals("syncStateInvalid", StringComparison.OrdinalIgnoreCase) || code.Equals("resyncRequired", StringComparison.OrdinalIgnoreCase)));

    private async Task<CalendarDelta> ReadRoundAsync(string organizerMailbox, TimeRange window, string? deltaToken, CancellationToken cancellationToken)
    {
        var delta = graph.Users[organizerMailbox].CalendarView.Delta;
        var page = await Read(organizerMailbox, () => deltaToken is null
            ? delta.GetAsDeltaGetResponseAsync(
                request =>
                {
                    request.QueryParameters.StartDateTime = Wire(window.Start);
                    request.QueryParameters.EndDateTime = Wire(window.End);
                    request.Headers.Add("Prefer", PreferPageSize);
                },
                cancellationToken)
            : delta.WithUrl(deltaToken).GetAsDeltaGetResponseAsync(request => request.Headers.Add("Prefer", PreferPageSize), cancellationToken));

        // Last appearance wins: an event changed and then deleted in one round is removed.
        var removedById = new Dictionary<string, bool>(StringComparer.Ordinal);
        var order = new List<string>();
        while (true)
        {
            foreach (var item in page?.Value ?? [])
            {
                if (string.IsNullOrEmpty(item.Id)) continue;
                if (!removedById.ContainsKey(item.Id)) order.Add(item.Id);
                // Graph marks a deleted (or moved-out) event with "@removed"; the SDK keeps unknown members in AdditionalData.
                removedById[item.Id] = item.AdditionalData?.ContainsKey("@removed") == true;
            }

            if (page?.OdataNextLink is { } next)
            {
                page = await Read(organizerMailbox, () => delta.WithUrl(next).GetAsDeltaGetResponseAsync(request => request.Headers.Add("Prefer", PreferPageSize), cancellationToken));
                continue;
            }

            if (page?.OdataDeltaLink is not { } deltaLink)
            {
                throw new GraphCalendarException($"Microsoft Graph ended a calendar delta round for mailbox '{organizerMailbox}' without a deltaLink.", 0, null);
            }

            return new CalendarDelta(
                [.. order.Where(id => !removedById[id])],
                [.. order.Where(id => removedById[id])],
                deltaLink);
        }
    }

    private static async Task<DeltaGetResponse?> Read(string organizerMailbox, Func<Task<DeltaGetResponse?>> call)
    {
        try
        {
            return await call();
        }
        catch (ODataError error) when (IsLostSyncState(error))
        {
            throw;
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused("reading calendar changes", organizerMailbox, exception);
        }
    }

    private static string Wire(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
