using Azure;
using Azure.Data.Tables;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;

namespace InterviewScheduler.Storage.Applications;

/// <summary>
/// The table row of an application: PartitionKey = application id (its interviews and debrief will share the
/// partition), RowKey = <see cref="RowKeyValue"/>. Times are UTC.
/// </summary>
internal static class ApplicationEntity
{
    public const string RowKeyValue = "application";

    public static TableEntity From(JobApplication application)
    {
        var entity = Columns(application);
        BookingPlanColumns.Write(entity, application.Booking?.Plan);
        SelfSchedulingColumns.Write(entity, application.SelfScheduling);
        return entity;
    }

    private static TableEntity Columns(JobApplication application) => new(application.Id, RowKeyValue)
    {
        ["CandidateName"] = application.Candidate.Name,
        ["CandidateEmail"] = application.Candidate.Email,
        ["CandidateTimeZone"] = application.Candidate.TimeZone,
        ["RoleId"] = application.Role.Id,
        ["RoleTitle"] = application.Role.Title,
        ["Source"] = application.Source,
        ["ExternalId"] = application.ExternalId,
        ["ReceivedAt"] = application.ReceivedAt.ToUniversalTime(),
        ["Status"] = application.Status.ToString(),
        ["AcknowledgmentStatus"] = application.Acknowledgment.Status.ToString(),
        ["AcknowledgmentAttempts"] = application.Acknowledgment.Attempts,
        ["AcknowledgmentSentAt"] = application.Acknowledgment.SentAt?.ToUniversalTime(),
        ["AcknowledgmentMarker"] = application.Acknowledgment.Marker,
        ["AcknowledgmentSender"] = application.Acknowledgment.SenderMailbox,
        ["AcknowledgmentMarkedAt"] = application.Acknowledgment.MarkedAt?.ToUniversalTime(),
        ["AcknowledgmentFirstAttemptAt"] = application.Acknowledgment.FirstAttemptAt?.ToUniversalTime(),
        ["AcknowledgmentDraftId"] = application.Acknowledgment.DraftId,
        ["AcknowledgmentSendRequestedAt"] = application.Acknowledgment.SendRequestedAt?.ToUniversalTime(),
        ["AcknowledgmentNextAttemptAt"] = application.Acknowledgment.NextAttemptAt?.ToUniversalTime(),
        ["AcknowledgmentLastError"] = application.Acknowledgment.LastError,
        // What the sweep queries: when this acknowledgment should next be worked on, if nothing is lost.
        ["AcknowledgmentDueAt"] = AcknowledgmentSweep.DueAt(application).ToUniversalTime(),
        ["BookingId"] = application.Booking?.BookingId,
        ["BookingClaimedAt"] = application.Booking?.ClaimedAt.ToUniversalTime(),
        ["BookingRequestedAt"] = application.BookingRequestedAt?.ToUniversalTime(),
        ["BookedAt"] = application.BookedAt?.ToUniversalTime(),
        ["RecruiterEmail"] = application.RecruiterEmail,
        ["AcknowledgmentSkipped"] = application.AcknowledgmentSkipped?.ToString(),
        ["ErasedAt"] = application.ErasedAt?.ToUniversalTime(),
    };

    public static JobApplication To(TableEntity entity, ETag etag) => new(
        entity.PartitionKey,
        new Candidate(entity.GetString("CandidateName") ?? "", entity.GetString("CandidateEmail") ?? "", entity.GetString("CandidateTimeZone")),
        new JobRole(entity.GetString("RoleId"), entity.GetString("RoleTitle")),
        entity.GetString("Source"),
        entity.GetString("ExternalId"),
        entity.GetDateTimeOffset("ReceivedAt")!.Value,
        Enum.Parse<ApplicationStatus>(entity.GetString("Status")),
        new Acknowledgment(
            Enum.Parse<AcknowledgmentStatus>(entity.GetString("AcknowledgmentStatus")),
            entity.GetInt32("AcknowledgmentAttempts") ?? 0,
            entity.GetDateTimeOffset("AcknowledgmentSentAt"),
            entity.GetString("AcknowledgmentMarker"),
            entity.GetString("AcknowledgmentSender"))
        {
            MarkedAt = entity.GetDateTimeOffset("AcknowledgmentMarkedAt"),
            FirstAttemptAt = entity.GetDateTimeOffset("AcknowledgmentFirstAttemptAt"),
            DraftId = entity.GetString("AcknowledgmentDraftId"),
            SendRequestedAt = entity.GetDateTimeOffset("AcknowledgmentSendRequestedAt"),
            NextAttemptAt = entity.GetDateTimeOffset("AcknowledgmentNextAttemptAt"),
            LastError = entity.GetString("AcknowledgmentLastError"),
        },
        etag.ToString())
    {
        Booking = entity.GetString("BookingId") is { } bookingId
            ? new BookingClaim(bookingId, entity.GetDateTimeOffset("BookingClaimedAt")!.Value, BookingPlanColumns.Read(entity))
            : null,
        BookingRequestedAt = entity.GetDateTimeOffset("BookingRequestedAt"),
        BookedAt = entity.GetDateTimeOffset("BookedAt"),
        RecruiterEmail = entity.GetString("RecruiterEmail"),
        AcknowledgmentSkipped = entity.GetString("AcknowledgmentSkipped") is { } skipped ? Enum.Parse<AcknowledgmentSkip>(skipped) : null,
        SelfScheduling = SelfSchedulingColumns.Read(entity),
        ErasedAt = entity.GetDateTimeOffset("ErasedAt"),
    };
}
