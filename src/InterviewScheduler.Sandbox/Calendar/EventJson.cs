using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewScheduler.Sandbox.Mail;
using InterviewScheduler.Sandbox.Wire;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>Graph's <c>event</c> resource on the wire: writing a <see cref="SandboxEvent"/> and reading an <see cref="EventDraft"/>.</summary>
internal static partial class EventJson
{
    public static JsonObject Write(SandboxEvent item, PreferredZone zone)
    {
        var attendees = new JsonArray();
        foreach (var attendee in item.Attendees)
        {
            attendees.Add(new JsonObject
            {
                ["type"] = attendee.Type,
                ["status"] = Status(attendee.Response, attendee.ResponseTime),
                ["emailAddress"] = Address(attendee.Address, attendee.Name),
            });
        }

        return new JsonObject
        {
            ["@odata.etag"] = $"W/\"{item.ChangeKey}\"",
            ["id"] = item.Id,
            ["createdDateTime"] = WireTime.Utc(item.Created),
            ["lastModifiedDateTime"] = WireTime.Utc(item.LastModified),
            ["changeKey"] = item.ChangeKey,
            ["categories"] = new JsonArray(),
            ["transactionId"] = item.TransactionId,
            ["originalStartTimeZone"] = item.StartTimeZone,
            ["originalEndTimeZone"] = item.EndTimeZone,
            ["iCalUId"] = item.ICalUId,
            ["uid"] = item.ICalUId,
            ["reminderMinutesBeforeStart"] = 15,
            ["isReminderOn"] = !item.IsCancelled,
            ["hasAttachments"] = false,
            ["subject"] = item.Subject,
            ["bodyPreview"] = Preview(item.BodyContent, item.BodyContentType),
            ["importance"] = "normal",
            ["sensitivity"] = "normal",
            ["isAllDay"] = item.IsAllDay,
            ["isCancelled"] = item.IsCancelled,
            ["isOrganizer"] = item.IsOrganizer,
            ["responseRequested"] = true,
            ["seriesMasterId"] = null,
            ["showAs"] = item.ShowAs,
            ["type"] = "singleInstance",
            ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(item.Id)}&exvsurl=1&path=/calendar/item",
            ["onlineMeetingUrl"] = null,
            ["isOnlineMeeting"] = item.IsOnlineMeeting,
            ["onlineMeetingProvider"] = item.OnlineMeetingProvider,
            ["allowNewTimeProposals"] = true,
            ["isDraft"] = false,
            ["hideAttendees"] = false,
            ["responseStatus"] = Status(item.Response, item.ResponseTime),
            ["body"] = new JsonObject { ["contentType"] = item.BodyContentType, ["content"] = item.BodyContent },
            ["start"] = zone.Write(item.Start),
            ["end"] = zone.Write(item.End),
            ["location"] = new JsonObject
            {
                ["displayName"] = item.Location ?? string.Empty,
                ["locationType"] = "default",
                ["uniqueIdType"] = "unknown",
            },
            ["locations"] = item.Location is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["displayName"] = item.Location, ["locationType"] = "default" }),
            ["recurrence"] = null,
            ["attendees"] = attendees,
            ["organizer"] = new JsonObject { ["emailAddress"] = Address(item.Organizer.Address, item.Organizer.Name) },
            ["onlineMeeting"] = item.JoinUrl is null ? null : new JsonObject { ["joinUrl"] = item.JoinUrl },
        };
    }

    /// <summary>The most attendees one event may have.</summary>
    public const int MaxAttendees = 500;

    /// <summary>Reads an event body from a create (POST) or update (PATCH) request; returns an error message when a field is invalid.</summary>
    public static (EventDraft Draft, string? Error) Read(JsonObject body)
    {
        var draft = new EventDraft
        {
            Subject = body.Str("subject"),
            BodyContentType = body.Node("body").Str("contentType")?.ToLowerInvariant(),
            BodyContent = body.Node("body").Str("content"),
            IsAllDay = body.Bool("isAllDay"),
            Location = body.Node("location").Str("displayName"),
            IsOnlineMeeting = body.Bool("isOnlineMeeting"),
            OnlineMeetingProvider = body.Str("onlineMeetingProvider"),
            TransactionId = body.Str("transactionId"),
            SingleValueExtendedProperties = body.Node("singleValueExtendedProperties") is JsonArray
                ? [.. body.Items("singleValueExtendedProperties").Select(p => new ExtendedProperty(p.Str("id") ?? string.Empty, p.Str("value") ?? string.Empty))]
                : null,
        };

        if (body.Str("showAs") is { } showAs)
        {
            var normalized = FreeBusyStatus.Normalize(showAs);
            if (normalized is null) return (draft, $"'showAs' value '{showAs}' is not a freeBusyStatus.");
            draft = draft with { ShowAs = normalized };
        }

        if (body.Has("start"))
        {
            var (start, zone, error) = DateTimeTimeZone.Read(body.Node("start"), "start");
            if (error is not null) return (draft, error);
            draft = draft with { Start = start, StartTimeZone = zone };
        }

        if (body.Has("end"))
        {
            var (end, zone, error) = DateTimeTimeZone.Read(body.Node("end"), "end");
            if (error is not null) return (draft, error);
            draft = draft with { End = end, EndTimeZone = zone };
        }

        if (body.Node("attendees") is JsonArray)
        {
            var invited = new List<InvitedAttendee>();
            foreach (var attendee in body.Items("attendees"))
            {
                var address = attendee.Node("emailAddress").Str("address");
                if (string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal))
                {
                    return (draft, "Each attendee needs an 'emailAddress.address'.");
                }

                invited.Add(new InvitedAttendee(address, attendee.Node("emailAddress").Str("name"), attendee.Str("type") ?? "required"));
            }

            // Exchange refuses a meeting with more than 500 attendees (microsoft-graph-docs issue 5395: "the 500 limit is current").
            if (invited.Count > MaxAttendees) return (draft, $"A meeting can have at most {MaxAttendees} attendees; this one has {invited.Count}.");
            draft = draft with { Attendees = invited };
        }

        return (draft, null);
    }

    private static JsonObject Status(string response, DateTimeOffset? time) => new()
    {
        ["response"] = response,
        ["time"] = WireTime.Utc(time),
    };

    private static JsonObject Address(string address, string? name) => new()
    {
        ["name"] = name ?? address,
        ["address"] = address,
    };

    private static string Preview(string content, string contentType)
    {
        var text = contentType == "html" ? WebUtility.HtmlDecode(Tags().Replace(content, " ")) : content;
        text = Spaces().Replace(text, " ").Trim();
        return text.Length > 255 ? text[..255] : text;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
