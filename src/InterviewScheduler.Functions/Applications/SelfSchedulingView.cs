using InterviewScheduler.Core.SelfScheduling;

namespace InterviewScheduler.Functions.Applications;

/// <summary>The application's latest self-scheduling offer, as the recruiter sees it. Times are UTC.</summary>
/// <param name="Status">offered (the link works), picked, or expired.</param>
/// <param name="OfferedAt">When the offer was made.</param>
/// <param name="ExpiresAt">When its link stops working.</param>
/// <param name="PickedAt">When the candidate's pick was booked.</param>
/// <param name="TimeToPick">From the offer to the pick (<c>d.hh:mm:ss</c>).</param>
/// <param name="PickedStart">The start the candidate picked.</param>
/// <param name="Email">The link's email: sent, sending, or failed.</param>
/// <param name="EmailFailureReason">Why the email failed: Graph's error code and a reason, no address.</param>
public sealed record SelfSchedulingView(
    string OfferId,
    string Status,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PickedAt,
    TimeSpan? TimeToPick,
    DateTimeOffset? PickedStart,
    string Email,
    string? EmailFailureReason)
{
    public static SelfSchedulingView? From(SelfSchedulingOffer? offer, DateTimeOffset now) => offer is null ? null : new SelfSchedulingView(
        offer.OfferId,
        offer.StatusAt(now) switch
        {
            SelfSchedulingStatus.Picked => "picked",
            SelfSchedulingStatus.Expired => "expired",
            _ => "offered",
        },
        offer.OfferedAt,
        offer.ExpiresAt,
        offer.PickedAt,
        offer.TimeToPick,
        offer.PickedStart,
        offer.Email.StatusName,
        offer.Email.FailureReason);
}
