using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.SelfScheduling;

namespace InterviewScheduler.Core.Applications;

/// <summary>
/// A candidate's application for a role, as stored. Immutable: a change is a new value with the same
/// <see cref="Id"/>, written only if <see cref="Version"/> is still the stored one.
/// </summary>
/// <param name="Id">Service-assigned id (32 hex digits, time-ordered).</param>
/// <param name="Candidate">Who applied.</param>
/// <param name="Role">The role applied for.</param>
/// <param name="Source">Where the application came from, e.g. <c>careers-site</c>; <c>direct</c> by default.</param>
/// <param name="ExternalId">The source's own id for it, when the source has one.</param>
/// <param name="ReceivedAt">When the service first accepted it (UTC).</param>
/// <param name="Status">Where the application stands.</param>
/// <param name="Acknowledgment">The acknowledgment email's state.</param>
/// <param name="Version">Opaque concurrency token (the storage ETag); null for a value not yet stored.</param>
public sealed record JobApplication(
    string Id,
    Candidate Candidate,
    JobRole Role,
    string Source,
    string? ExternalId,
    DateTimeOffset ReceivedAt,
    ApplicationStatus Status,
    Acknowledgment Acknowledgment,
    string? Version = null)
{
    /// <summary>A booking under way for this application, so that two bookings cannot run at once.</summary>
    public BookingClaim? Booking { get; init; }

    /// <summary>When the latest booking was requested (UTC).</summary>
    public DateTimeOffset? BookingRequestedAt { get; init; }

    /// <summary>When the latest booking's events were created (UTC).</summary>
    public DateTimeOffset? BookedAt { get; init; }

    /// <summary>The recruiter given with the application; its debrief invites them instead of the configured one.</summary>
    public string? RecruiterEmail { get; init; }

    /// <summary>
    /// Set when no acknowledgment is sent for this application, and why; <see cref="Acknowledgment"/> then stays
    /// as stored and the application is never queued or swept for one.
    /// </summary>
    public AcknowledgmentSkip? AcknowledgmentSkipped { get; init; }

    /// <summary>The candidate's self-scheduling offer, the latest one; null when none was made.</summary>
    public SelfSchedulingOffer? SelfScheduling { get; init; }

    /// <summary>When erasure was asked for (UTC): set with <see cref="ApplicationStatus.Erasing"/>, kept once erased.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>Erasing or erased: nothing is booked, offered or sent for it any more, and its personal data is not shown.</summary>
    public bool IsErased => Status is ApplicationStatus.Erasing or ApplicationStatus.Erased;

    /// <summary>What makes another submission the same application (<see cref="DeduplicationKeys"/>).</summary>
    public string DeduplicationKey => DeduplicationKeys.For(Source, ExternalId, Candidate.Email, Role.Id);
}
