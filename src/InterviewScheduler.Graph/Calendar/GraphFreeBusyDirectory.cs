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
/// after the longest Retry-After among them (at most <see cref="GraphCalendarBatch.LongestRetryWait"/>), up to
/// <see cref="MaxThrottledRetries"/> times, then <see cref="GraphCalendarException"/> with status 429. Waiting here
/// is acceptable: this is a read a recruiter is waiting for, and each wait is short and bounded.
/// </remarks>
public sealed class GraphFreeBusyDirectory(GraphServiceClient graph, TimeProvider time) : IFreeBusyDirectory
{
    private readonly GraphCalendarBatch batch = new(graph, time);

    /// <summary>Most people Graph accepts in one getSchedule call.</summary>
    public const int MaxSchedulesPerCall = 20;

    /// <summary>Most calls Graph accepts in one JSON batch.</summary>
    public const int MaxCallsPerBatch = GraphCalendarBatch.MaxStepsPerBatch;

    /// <summary>How many times calls throttled inside a batch are sent again before giving up.</summary>
    public const int MaxThrottledRetries = GraphCalendarBatch.MaxThrottledRetries;

    /// <summary>The longest window one call asks for: Graph refuses 62 days or more.</summary>
    public static readonly TimeSpan MaxWindowPerCall = TimeSpan.FromDays(61);

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
        var requests = calls.Select(call => (Func<RequestInformation>)(() => graph.Users[organizer].Calendar.GetSchedule.ToPostRequestInformation(
            Body(call), r => r.Headers.Add("Prefer", GraphCalendarMapping.PreferUtc)))).ToList();
        var answers = await batch.SendAsync<GetSchedulePostResponse>("getSchedule", organizer, requests, cancellationToken);
        return [.. answers.Select(a => (IReadOnlyList<ScheduleInformation>)(a?.Value ?? []))];
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

    /// <summary>One getSchedule call: up to 20 people over a part of the window.</summary>
    private sealed record ScheduleCall(string[] People, TimeRange Window);
}
