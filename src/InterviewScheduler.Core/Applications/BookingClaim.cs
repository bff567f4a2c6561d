using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.Applications;

/// <summary>
/// A booking in progress. Its <see cref="Plan"/> is recorded before any event is created, so that a booking resumed
/// after a crash books the same plan again (finding the events it already made), and a booking that takes over an
/// abandoned claim knows which events to withdraw.
/// </summary>
/// <param name="BookingId">Deterministic for a request's Idempotency-Key; random otherwise.</param>
/// <param name="ClaimedAt">When the booking last showed it was alive (UTC); an old claim is abandoned and may be taken over.</param>
/// <param name="Plan">What is being booked, once chosen.</param>
public sealed record BookingClaim(string BookingId, DateTimeOffset ClaimedAt, BookingPlan? Plan = null);
