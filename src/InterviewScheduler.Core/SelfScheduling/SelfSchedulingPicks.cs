using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// The candidate's side of an offer, reached through the signed link alone: the times free now, and the pick, booked
/// through the recruiter's own booking (<see cref="InterviewBooking"/>) with the offer's idempotency key.
/// </summary>
/// <remarks>
/// Single use by construction: every pick of one offer is the same booking (<see cref="SelfSchedulingOffer.BookingKey"/>),
/// so however many picks race, one plan is booked, and a pick whose answer is another start's interviews was too late.
/// The same pick again replays the first answer; any other pick after it is <see cref="PickOutcome.Used"/>.
/// </remarks>
public sealed class SelfSchedulingPicks(IApplicationStore store, IInterviewStore interviews, InterviewPlanner planner, InterviewBooking booking, SelfSchedulingOptions options, TimeProvider time)
{
    /// <summary>Checks a link: its form, its signature (in constant time), its offer, its expiry and whether it was used.</summary>
    public async Task<LinkCheck> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!options.IsEnabled) return new LinkCheck(LinkState.NotConfigured);
        if (!SchedulingLink.TryParse(token, out var link)) return new LinkCheck(LinkState.Invalid);

        var application = await store.FindAsync(link.ApplicationId, cancellationToken);
        var offer = application is { IsErased: false } ? application.SelfScheduling : null;
        // No application (or an erased one), a replaced offer and a wrong signature look the same to the holder: not valid.
        if (offer is null || offer.OfferId != link.OfferId || offer.ExpiresAt != link.ExpiresAt || !link.IsSignedFor(options.KeyBytes, SelfSchedulingOffer.PanelHash(offer.Panel)))
        {
            return new LinkCheck(LinkState.Invalid);
        }

        var check = new LinkCheck(LinkState.Open) { Application = application, Offer = offer };
        return offer.StatusAt(time.GetUtcNow()) switch
        {
            SelfSchedulingStatus.Picked => check with { State = LinkState.Used, Booked = await BookedAsync(application!, offer, cancellationToken) },
            SelfSchedulingStatus.Expired => check with { State = LinkState.Expired },
            _ => check,
        };
    }

    /// <summary>The link checked and, when it is open, the panel's options read now.</summary>
    public async Task<LinkCheck> OptionsAsync(string? token, CancellationToken cancellationToken)
    {
        var check = await OpenAsync(token, cancellationToken);
        if (check.State != LinkState.Open) return check;
        var plan = await planner.FindOptionsAsync(check.Application!, check.Offer!.Panel, check.Offer.Panel.Window, cancellationToken);
        return check with { Options = plan.Options };
    }

    /// <summary>Books <paramref name="start"/> for the link's offer, once.</summary>
    public async Task<PickResult> PickAsync(string? token, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var check = await OpenAsync(token, cancellationToken);
        start = start.ToUniversalTime();
        var repeat = check.State == LinkState.Used && check.Offer!.PickedStart == start;
        if (check.State == LinkState.Used && !repeat) return new PickResult(PickOutcome.Used, check);
        if (check.State != LinkState.Open && !repeat) return new PickResult(PickOutcome.Refused, check);

        var (application, offer) = (check.Application!, check.Offer!);
        var result = await booking.BookAsync(application.Id, offer.Panel with { Start = start }, offer.BookingKey, cancellationToken);
        if (result.Outcome is not (BookingOutcome.Booked or BookingOutcome.Replayed)) return new PickResult(PickOutcome.NotBooked, check, result);

        // The booking of this offer may be another pick's that got there first: its start is the one recorded.
        var booked = result.Interviews.Min(i => i.Time.Start);
        var now = time.GetUtcNow();
        var current = await store.FindAsync(application.Id, cancellationToken) ?? application;
        var stored = await store.UpdateAsync(
            current,
            a => a.SelfScheduling is { PickedAt: null } mine && mine.OfferId == offer.OfferId ? a with { SelfScheduling = mine with { PickedAt = now, PickedStart = booked } } : a,
            cancellationToken);
        var used = check with { State = LinkState.Used, Application = stored, Offer = stored.SelfScheduling, Booked = result.Interviews };
        return booked == start ? new PickResult(PickOutcome.Booked, used, result) : new PickResult(PickOutcome.Used, used);
    }

    private async Task<IReadOnlyList<Interview>> BookedAsync(JobApplication application, SelfSchedulingOffer offer, CancellationToken cancellationToken)
    {
        var bookingId = InterviewBooking.BookingIdFor(application.Id, offer.BookingKey);
        return [.. (await interviews.ListAsync(application.Id, cancellationToken)).Where(i => i.BookingId == bookingId)];
    }
}
