using InterviewScheduler.Core.SelfScheduling;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>The body of a 201 from <c>POST .../self-scheduling</c>. Times are UTC.</summary>
/// <param name="Email">sent, or sending (handed to Exchange, not yet filed in Sent Items).</param>
public sealed record OfferAnswer(string OfferId, string Status, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt, string Email)
{
    public static OfferAnswer From(SelfSchedulingOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new OfferAnswer(offer.OfferId, "offered", offer.OfferedAt, offer.ExpiresAt, offer.Email.StatusName);
    }
}
