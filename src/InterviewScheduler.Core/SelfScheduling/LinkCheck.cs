using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Availability;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>A candidate's link, checked, with what its holder may see.</summary>
/// <param name="State">What the link is worth.</param>
public sealed record LinkCheck(LinkState State)
{
    /// <summary>The application, for a genuine link (open, expired or used).</summary>
    public JobApplication? Application { get; init; }

    /// <summary>The offer, for a genuine link.</summary>
    public SelfSchedulingOffer? Offer { get; init; }

    /// <summary>For a used link: the interviews its pick booked.</summary>
    public IReadOnlyList<Interview> Booked { get; init; } = [];

    /// <summary>For an open link whose options were asked for: the times free now, best first.</summary>
    public IReadOnlyList<SlotOption> Options { get; init; } = [];
}
