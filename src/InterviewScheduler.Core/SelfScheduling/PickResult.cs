using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>A pick's outcome with the link it came with and the booking it made.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Link">The link as checked.</param>
/// <param name="Booking">The booking's result, when one was attempted.</param>
public sealed record PickResult(PickOutcome Outcome, LinkCheck Link, BookingResult? Booking = null);
