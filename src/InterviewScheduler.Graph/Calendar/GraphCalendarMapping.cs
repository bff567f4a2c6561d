using System.Globalization;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.TimeZones;
using InterviewScheduler.Graph.Connection;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using CoreWorkingHours = InterviewScheduler.Core.Availability.WorkingHours;
using GraphFreeBusyStatus = Microsoft.Graph.Models.FreeBusyStatus;
using GraphWorkingHours = Microsoft.Graph.Models.WorkingHours;

namespace InterviewScheduler.Graph.Calendar;

/// <summary>Turns Graph's calendar values into the engine's (UTC instants, statuses, working hours) and back.</summary>
internal static class GraphCalendarMapping
{
    /// <summary>Asks Graph to report every time in UTC, so instants need no zone lookups in the common case.</summary>
    public const string PreferUtc = "outlook.timezone=\"UTC\"";

    /// <summary>Graph's wire format for <c>dateTimeTimeZone.dateTime</c>: wall-clock time, 7 fraction digits, no offset.</summary>
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    /// <summary>A UTC instant as Graph's <c>dateTimeTimeZone</c> in UTC.</summary>
    public static DateTimeTimeZone ToGraph(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    /// <summary>
    /// The instant a <c>dateTimeTimeZone</c> stands for. The wall-clock time is read in its <c>timeZone</c> (UTC when we
    /// asked for it, but any IANA or Windows name works); an explicit offset in the text wins. A wall-clock time
    /// in a daylight-saving gap or overlap follows <see cref="LocalTimeMapping.ToInstantLeniently"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not a date and time, or the zone is unknown.</exception>
    public static DateTimeOffset ToInstant(DateTimeTimeZone? value, string field)
    {
        var text = value?.DateTime;
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException($"Graph returned no '{field}' time.");
        var timePart = text.Length > 10 ? text[10..] : string.Empty;
        if (timePart.EndsWith('Z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                ? withOffset.ToUniversalTime()
                : throw new FormatException($"Graph returned '{text}' as the '{field}' time.");
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new FormatException($"Graph returned '{text}' as the '{field}' time.");
        }

        var zone = WireZone(value!.TimeZone, field);
        return zone == TimeZoneInfo.Utc
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero)
            : LocalTimeMapping.ToInstantLeniently(local, zone);
    }

    /// <summary>The engine's status for Graph's; an item without one counts as <see cref="Core.Availability.FreeBusyStatus.Unknown"/>.</summary>
    public static Core.Availability.FreeBusyStatus ToStatus(GraphFreeBusyStatus? status) => status switch
    {
        GraphFreeBusyStatus.Free => Core.Availability.FreeBusyStatus.Free,
        GraphFreeBusyStatus.Tentative => Core.Availability.FreeBusyStatus.Tentative,
        GraphFreeBusyStatus.Busy => Core.Availability.FreeBusyStatus.Busy,
        GraphFreeBusyStatus.Oof => Core.Availability.FreeBusyStatus.Oof,
        GraphFreeBusyStatus.WorkingElsewhere => Core.Availability.FreeBusyStatus.WorkingElsewhere,
        _ => Core.Availability.FreeBusyStatus.Unknown,
    };

    /// <summary>
    /// The engine's working hours for Graph's, or null when the mailbox has none or names no working day
    /// (Outlook requires one; a mailbox without any is treated like a room, limited by busy items only).
    /// </summary>
    /// <exception cref="UnknownTimeZoneException">The zone is neither a known name nor a custom zone with a bias.</exception>
    public static CoreWorkingHours? ToWorkingHours(GraphWorkingHours? hours)
    {
        if (hours is null) return null;
        var days = new HashSet<DayOfWeek>();
        foreach (var day in hours.DaysOfWeek ?? [])
        {
            if (day is { } value) days.Add(ToDayOfWeek(value));
        }

        if (days.Count == 0) return null;
        return new CoreWorkingHours(days, ToTimeOnly(hours.StartTime) ?? TimeOnly.MinValue, ToTimeOnly(hours.EndTime) ?? TimeOnly.MinValue, ToZone(hours.TimeZone));
    }

    /// <summary>
    /// The zone of a person's working hours: a known IANA or Windows name keeps its own rules; otherwise a
    /// <c>customTimeZone</c> becomes its bias, with its daylight-saving transitions when it has any.
    /// </summary>
    /// <exception cref="UnknownTimeZoneException">The zone is neither a known name nor a custom zone with a bias.</exception>
    public static TimeZoneInfo ToZone(TimeZoneBase? zone)
    {
        var name = zone?.Name ?? string.Empty;
        if (TimeZoneResolver.TryResolve(name, out var named)) return named;
        if (zone is CustomTimeZone { Bias: { } bias } custom && WithDaylightSaving(name, bias, custom) is { } seasonal) return seasonal;
        return TimeZoneResolver.Resolve(new GraphTimeZone(name, (zone as CustomTimeZone)?.Bias));
    }

    /// <summary>The response name as Graph spells it (<c>accepted</c>, <c>tentativelyAccepted</c>, ...).</summary>
    public static string ToResponseName(ResponseType? response) => response switch
    {
        ResponseType.Organizer => "organizer",
        ResponseType.TentativelyAccepted => "tentativelyAccepted",
        ResponseType.Accepted => "accepted",
        ResponseType.Declined => "declined",
        ResponseType.NotResponded => "notResponded",
        _ => "none",
    };

    /// <summary>A clear exception for Graph's refusal of <paramref name="what"/> in <paramref name="mailbox"/>.</summary>
    public static GraphCalendarException Refused(string what, string mailbox, ApiException exception)
    {
        var code = (exception as ODataError)?.Error?.Code;
        var detail = GraphErrorText.Redact((exception as ODataError)?.Error?.Message);
        return new GraphCalendarException(Describe(exception.ResponseStatusCode, code, detail, what, mailbox), exception.ResponseStatusCode, code, exception);
    }

    /// <summary>"Microsoft Graph answered 404 (ErrorInvalidUser) to getSchedule for mailbox 'x': why."</summary>
    public static string Describe(int status, string? code, string? detail, string what, string mailbox)
    {
        var codeText = code is null ? string.Empty : $" ({code})";
        var detailText = string.IsNullOrWhiteSpace(detail) ? "." : $": {detail}";
        return string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph answered {status}{codeText} to {what} for mailbox '{mailbox}'{detailText}");
    }

    private static TimeZoneInfo WireZone(string? name, string field)
    {
        // Exchange sometimes names UTC in its own URI form.
        if (string.IsNullOrWhiteSpace(name) || name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneResolver.TryResolve(name, out var zone) ? zone : throw new FormatException($"Graph returned the '{field}' time in an unknown zone '{name}'.");
    }

    /// <summary>
    /// A zone for a custom zone whose daylight offset names a month: standard time is UTC - bias, daylight time
    /// UTC - (bias + daylightBias), switching on the Windows-style floating dates (the n-th weekday of a month,
    /// 5 = last) at the given local times. Null when there is no daylight saving to model (a fixed offset does).
    /// The <c>year</c> of a transition is ignored: Exchange sends 0, a rule for every year.
    /// </summary>
    internal static TimeZoneInfo? WithDaylightSaving(string name, int bias, CustomTimeZone custom)
    {
        if (custom.DaylightOffset is not { Month: > 0 and <= 12, DaylightBias: { } daylightBias } daylight || daylightBias == 0) return null;
        if (custom.StandardOffset is not { Month: > 0 and <= 12 } standard) return null;

        var baseOffset = TimeSpan.FromMinutes(-bias);
        var saving = TimeSpan.FromMinutes(-daylightBias);
        var label = baseOffset < TimeSpan.Zero ? $"UTC-{baseOffset.Duration():hh\\:mm}" : $"UTC+{baseOffset:hh\\:mm}";
        var id = string.IsNullOrWhiteSpace(name) ? label : $"{name} ({label}, daylight saving)";
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, saving, Transition(daylight), Transition(standard));
        return TimeZoneInfo.CreateCustomTimeZone(id, baseOffset, id, id, id, [rule]);
    }

    private static TimeZoneInfo.TransitionTime Transition(StandardTimeZoneOffset offset)
    {
        var at = ToTimeOnly(offset.Time) ?? TimeOnly.MinValue;
        return TimeZoneInfo.TransitionTime.CreateFloatingDateRule(
            new DateTime(1, 1, 1, at.Hour, at.Minute, at.Second, DateTimeKind.Unspecified),
            offset.Month!.Value,
            Math.Clamp(offset.DayOccurrence ?? 1, 1, 5),
            offset.DayOfWeek is { } day ? ToDayOfWeek(day) : DayOfWeek.Sunday);
    }

    private static TimeOnly? ToTimeOnly(Time? time) => time is { } t ? new TimeOnly(t.Hour, t.Minute, t.Second) : null;

    private static DayOfWeek ToDayOfWeek(DayOfWeekObject day) => day switch
    {
        DayOfWeekObject.Sunday => DayOfWeek.Sunday,
        DayOfWeekObject.Monday => DayOfWeek.Monday,
        DayOfWeekObject.Tuesday => DayOfWeek.Tuesday,
        DayOfWeekObject.Wednesday => DayOfWeek.Wednesday,
        DayOfWeekObject.Thursday => DayOfWeek.Thursday,
        DayOfWeekObject.Friday => DayOfWeek.Friday,
        _ => DayOfWeek.Saturday,
    };
}
