using System.Text.Json;
using Azure.Data.Tables;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// The table row of an interview, in its application's partition: RowKey = <c>interview-{interviewId}</c>.
/// Times are UTC; attendees and responses are JSON.
/// </summary>
internal static class InterviewEntity
{
    public const string RowKeyPrefix = "interview-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity From(Interview interview) => new(interview.ApplicationId, RowKeyPrefix + interview.InterviewId)
    {
        ["InterviewId"] = interview.InterviewId,
        ["BookingId"] = interview.BookingId,
        ["SessionIndex"] = interview.SessionIndex,
        ["Title"] = interview.Title,
        ["Start"] = interview.Time.Start,
        ["End"] = interview.Time.End,
        ["Attendees"] = JsonSerializer.Serialize(interview.Attendees, Json),
        ["EventId"] = interview.EventId,
        ["JoinUrl"] = interview.JoinUrl,
        ["Status"] = interview.Status.ToString(),
        ["Responses"] = JsonSerializer.Serialize(interview.Responses, Json),
        ["CandidateEventId"] = interview.CandidateEventId,
    };

    public static Interview To(TableEntity entity) => new(
        entity.GetString("InterviewId"),
        entity.PartitionKey,
        entity.GetString("BookingId"),
        entity.GetInt32("SessionIndex") ?? 0,
        entity.GetString("Title"),
        new TimeRange(entity.GetDateTimeOffset("Start")!.Value, entity.GetDateTimeOffset("End")!.Value),
        JsonSerializer.Deserialize<List<EventAttendee>>(entity.GetString("Attendees"), Json) ?? [],
        entity.GetString("EventId"),
        entity.GetString("JoinUrl"),
        Enum.Parse<InterviewStatus>(entity.GetString("Status")))
    {
        Responses = entity.GetString("Responses") is { } responses ? JsonSerializer.Deserialize<List<AttendeeResponse>>(responses, Json) ?? [] : [],
        CandidateEventId = entity.GetString("CandidateEventId"),
    };
}
