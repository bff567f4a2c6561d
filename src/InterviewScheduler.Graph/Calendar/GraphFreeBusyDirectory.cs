using System.Globalization;
using System.Net;
using System.Text.Json;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.TimeZones;
using InterviewScheduler.Graph.Connection;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using TimeRange = InterviewScheduler.Core.Availability.TimeRange;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Kiota.Abstractions;


namespace InterviewScheduler.Graph.Calendar;

/// <summary>
/// Reads a panel's free/busy and working hours with Graph <c>calendar/getSchedule</c>, on behalf of the organizer
/// mailbox. Graph takes at most <see cref="MaxSchedulesPerCall"/> people and a window shorter than 62 days per
/// call, so a larger panel or a longer window becomes several calls; those are sent together in JSON
/// <c>$batch</c> requests of up to <see cref="MaxCallsPerBatch"/> calls (one HTTP request for up to 400 people
/// over a window under 62 days). A single call is sent on its own, without a batch.
/// </summary>
/// <remarks>
/// Throttling: the SDK's retry handler retries a throttled top-level request (the single call, or a whole batch).
/// A call throttled inside a batch answers 429 in its own step; those calls alone are sent again in a new batch
/// after the longest Retry-After among them (at most <see cref="LongestRetryWait"/>), up to
/// <see cref="MaxThrottledRetries"/> times, then <see cref="GraphCalendarException"/> with status 429. Waiting here
/// is acceptable: this is a read a recruiter is waiting for, and each wait is short and bounded.
/// </remarks>
public sealed class GraphFreeBusyDirectory(GraphServiceClient graph, TimeProvider time) : IFreeBusyDirectory
{
    /// <summary>Most people Graph accepts in one getSchedule call.</summary>
    public const int MaxSchedulesPerCall = 20;

    /// <summary>Most calls Graph accepts in one JSON batch.</summary>
    public const int MaxCallsPerBatch = 20;

    /// <summary>How many times calls throttled inside a batch are sent again before giving up.</summary>
    public const int MaxThrottledRetries = 3;

    /// <summary>The longest window one call asks for: Graph refuses 62 days or more.</summary>
    public static readonly TimeSpan MaxWindowPerCall = TimeSpan.FromDays(61);

    /// <summary>The longest wait before re-sending throttled calls, whatever Retry-After says.</summary>
    public static readonly TimeSpan LongestRetryWait = TimeSpan.FromSeconds(30);

    /// <summary>Used when a throttled step gives no Retry-After.</summary>
    private static readonly TimeSpan DefaultRetryWait = TimeSpan.FromSeconds(2);

    /// <summary>Minutes per digit of <c>availabilityView</c>; we read <c>scheduleItems</c>, so it only has to be valid.</summary>
    private const int ViewIntervalMinutes = 15;

    public async Task<IReadOnlyDictionary<string, PersonSchedule>> GetSchedulesAsync(
        string organizerMailbox, IReadOnlyCollection<string> addresses, TimeRange window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerMailbox);
        ArgumentNullException.ThrowIfNull(addresses);
        if (window.IsEmpty) throw new ArgumentException("The free/busy window must not be empty.", nameof(window));
        if (addresses.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("Every address must be non-blank.", nameof(addresses));

        // One entry per person whatever the spelling; the answer is keyed by the address as first asked.
        var people = addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (people.Count == 0) return new Dictionary<string, PersonSchedule>(StringComparer.OrdinalIgnoreCase);

        var calls = (from chunk in people.Chunk(MaxSchedulesPerCall)
                     from part in Split(window)
                     select new ScheduleCall(chunk, part)).ToList();
        var answers = calls.Count == 1
            ? [await ReadAloneAsync(organizerMailbox, calls[0], cancellationToken)]
            : await ReadBatchedAsync(organizerMailbox, calls, cancellationToken);
        return Merge(people, calls, answers);
    }

    /// <summary>The window in consecutive parts shorter than 62 days.</summary>
    internal static IReadOnlyList<TimeRange> Split(TimeRange window)
    {
        var parts = new List<TimeRange>();
        for (var start = window.Start; start < window.End; start += MaxWindowPerCall)
        {
            var end = window.End - start > MaxWindowPerCall ? start + MaxWindowPerCall : window.End;
            parts.Add(new TimeRange(start, end));
        }

        return parts;
    }

    private async Task<IReadOnlyList<ScheduleInformation>> ReadAloneAsync(string organizer, ScheduleCall call, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await graph.Users[organizer].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
                Body(call), request => request.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc), cancellationToken);
            return answer?.Value ?? [];
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused("getSchedule", organizer, exception);
        }
    }

    private async Task<IReadOnlyList<IReadOnlyList<ScheduleInformation>>> ReadBatchedAsync(string organizer, IReadOnlyList<ScheduleCall> calls, CancellationToken cancellationToken)
    {
        var answers = new IReadOnlyList<ScheduleInformation>?[calls.Count];
        // Batches go one after the other: Exchange allows only a few concurrent requests per mailbox, and
        // each batch already runs its calls side by side.
        foreach (var batch in Enumerable.Range(0, calls.Count).Chunk(MaxCallsPerBatch))
        {
            IReadOnlyList<int> pending = batch;
            for (var retry = 0; ; retry++)
            {
                var (throttled, wait) = await SendBatchAsync(organizer, calls, pending, answers, cancellationToken);
                if (throttled.Count == 0) break;
                if (retry == MaxThrottledRetries)
                {
                    throw new GraphCalendarException(
                        string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph kept throttling getSchedule for mailbox '{organizer}': {throttled.Count} call(s) still answered 429 after {MaxThrottledRetries} retries."),
                        (int)HttpStatusCode.TooManyRequests,
                        "TooManyRequests");
                }

                await Task.Delay(wait, time, cancellationToken);
                pending = throttled;
            }
        }

        return [.. answers.Select(a => a ?? [])];
    }

    /// <summary>Sends the <paramref name="pending"/> calls as one batch; fills <paramref name="answers"/> and returns the throttled calls with the wait they ask for.</summary>
    private async Task<(IReadOnlyList<int> Throttled, TimeSpan Wait)> SendBatchAsync(
        string organizer, IReadOnlyList<ScheduleCall> calls, IReadOnlyList<int> pending, IReadOnlyList<ScheduleInformation>?[] answers, CancellationToken cancellationToken)
    {
        var content = new BatchRequestContentCollection(graph, MaxCallsPerBatch);
        foreach (var index in pending)
        {
            var request = graph.Users[organizer].Calendar.GetSchedule.ToPostRequestInformation(
                Body(calls[index]), r => r.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc));
            await content.AddBatchRequestStepAsync(request, StepId(index));
        }

        BatchResponseContentCollection response;
        try
        {
            response = await graph.Batch.PostAsync(content, cancellationToken);
        }
        catch (ApiException exception)
        {
            throw GraphCalendarMapping.Refused("a $batch of getSchedule calls", organizer, exception);
        }

        var statuses = await response.GetResponsesStatusCodesAsync();
        var throttled = new List<int>();
        var wait = TimeSpan.Zero;
        foreach (var index in pending)
        {
            var id = StepId(index);
            if (!statuses.TryGetValue(id, out var status))
            {
                throw new GraphCalendarException($"Microsoft Graph's $batch answer for mailbox '{organizer}' has no response to getSchedule step {id}.", 0, null);
            }

            if ((int)status is >= 200 and < 300)
            {
                var answer = await response.GetResponseByIdAsync<GetSchedulePostResponse>(id);
                answers[index] = answer?.Value ?? [];
                continue;
            }

            using var step = await response.GetResponseByIdAsync(id);
            if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                throttled.Add(index);
                var asked = RetryAfter(step);
                if (asked > wait) wait = asked;
                continue;
            }

            var (code, message) = await ErrorOf(step, cancellationToken);
            throw new GraphCalendarException(GraphCalendarMapping.Describe((int)status, code, message, "getSchedule", organizer), (int)status, code);
        }

        return (throttled, wait);
    }

    private static Dictionary<string, PersonSchedule> Merge(IReadOnlyList<string> people, IReadOnlyList<ScheduleCall> calls, IReadOnlyList<IReadOnlyList<ScheduleInformation>> answers)
    {
        var busy = people.ToDictionary(p => p, _ => new List<BusyItem>(), StringComparer.OrdinalIgnoreCase);
        var hours = new Dictionary<string, Core.Availability.WorkingHours?>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        for (var c = 0; c < calls.Count; c++)
        {
            var asked = calls[c].People;
            var answered = answers[c];
            for (var i = 0; i < asked.Length; i++)
            {
                var person = asked[i];
                // Graph answers in the order asked and echoes each address; match by address, by position as a fallback.
                var info = answered.FirstOrDefault(a => string.Equals(a.ScheduleId, person, StringComparison.OrdinalIgnoreCase))
                    ?? (i < answered.Count && string.IsNullOrEmpty(answered[i].ScheduleId) ? answered[i] : null);
                if (info is null)
                {
                    errors.TryAdd(person, "Microsoft Graph returned no schedule for this address.");
                    continue;
                }

                if (info.Error is { } error)
                {
                    errors.TryAdd(person, string.IsNullOrWhiteSpace(error.Message) ? error.ResponseCode ?? "Unknown error." : error.Message);
                    continue;
                }

                foreach (var item in info.ScheduleItems ?? [])
                {
                    var start = GraphCalendarMapping.ToInstant(item.Start, "scheduleItem.start");
                    var end = GraphCalendarMapping.ToInstant(item.End, "scheduleItem.end");
                    if (end < start) continue;
                    busy[person].Add(new BusyItem(new TimeRange(start, end), GraphCalendarMapping.ToStatus(item.Status)));
                }

                if (!hours.ContainsKey(person))
                {
                    try
                    {
                        hours[person] = GraphCalendarMapping.ToWorkingHours(info.WorkingHours);
                    }
                    catch (UnknownTimeZoneException exception)
                    {
                        // Busy items stay usable; the caller decides whether a person without known hours can be booked.
                        hours[person] = null;
                        errors.TryAdd(person, $"Working hours are in a time zone that could not be resolved: {exception.ZoneName}.");
                    }
                }
            }
        }

        // An item crossing the boundary between two window parts comes back in both.
        return people.ToDictionary(
            p => p,
            p => new PersonSchedule(p, [.. busy[p].Distinct().OrderBy(b => b.Time.Start).ThenBy(b => b.Time.End)], hours.GetValueOrDefault(p), errors.GetValueOrDefault(p)),
            StringComparer.OrdinalIgnoreCase);
    }

    private static GetSchedulePostRequestBody Body(ScheduleCall call) => new()
    {
        Schedules = [.. call.People],
        StartTime = GraphCalendarMapping.ToGraph(call.Window.Start),
        EndTime = GraphCalendarMapping.ToGraph(call.Window.End),
        AvailabilityViewInterval = ViewIntervalMinutes,
    };

    private static string StepId(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private TimeSpan RetryAfter(HttpResponseMessage step)
    {
        var asked = RetryAfterHeader.Wait(step.Headers.RetryAfter, time.GetUtcNow()) ?? DefaultRetryWait;
        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > LongestRetryWait ? LongestRetryWait : asked;
    }

    private static async Task<(string? Code, string? Message)> ErrorOf(HttpResponseMessage step, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await step.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not Graph's error shape: the status alone says enough.
        }

        return (null, null);
    }

    /// <summary>One getSchedule call: up to 20 people over a part of the window.</summary>
    private sealed record ScheduleCall(string[] People, TimeRange Window);
}
