using InterviewScheduler.Sandbox.Wire;

namespace InterviewScheduler.Sandbox.Calendar;

/// <summary>An event's properties as <c>$filter</c> names them; times compare as UTC instants.</summary>
internal sealed class EventFilterable(SandboxEvent item) : IFilterable
{
    public bool TryGet(string path, out string? value)
    {
        value = path.ToLowerInvariant() switch
        {
            "id" => item.Id,
            "subject" => item.Subject,
            "icaluid" or "uid" => item.ICalUId,
            "transactionid" => item.TransactionId,
            "showas" => item.ShowAs,
            "iscancelled" => item.IsCancelled ? "true" : "false",
            "isorganizer" => item.IsOrganizer ? "true" : "false",
            "isonlinemeeting" => item.IsOnlineMeeting ? "true" : "false",
            "start/datetime" => WireTime.Utc(item.Start),
            "end/datetime" => WireTime.Utc(item.End),
            "createddatetime" => WireTime.Utc(item.Created),
            "lastmodifieddatetime" => WireTime.Utc(item.LastModified),
            "organizer/emailaddress/address" => item.Organizer.Address,
            "type" => "singleInstance",
            _ => Unknown,
        };
        var known = !ReferenceEquals(value, Unknown);
        if (!known) value = null;
        return known;
    }

    public IEnumerable<IFilterable>? Elements(string path) => path.ToLowerInvariant() switch
    {
        "attendees" => item.Attendees.Select(a => (IFilterable)new AttendeeFilterable(a)),
        "singlevalueextendedproperties" => item.SingleValueExtendedProperties.Select(p => (IFilterable)new FilterPairs(("id", p.Id), ("value", p.Value))),
        _ => null,
    };

    private const string Unknown = "\u0000unknown";

    private sealed class AttendeeFilterable(EventAttendee attendee) : IFilterable
    {
        public bool TryGet(string path, out string? value)
        {
            value = path.ToLowerInvariant() switch
            {
                "emailaddress/address" => attendee.Address,
                "emailaddress/name" => attendee.Name,
                "type" => attendee.Type,
                "status/response" => attendee.Response,
                _ => Unknown,
            };
            var known = !ReferenceEquals(value, Unknown);
            if (!known) value = null;
            return known;
        }

        public IEnumerable<IFilterable>? Elements(string path) => null;
    }
}
