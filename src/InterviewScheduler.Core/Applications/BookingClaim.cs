namespace InterviewScheduler.Core.Applications;

/// <summary>
/// A booking in progress. <see cref="ChosenStart"/> is recorded before any event is created, so that a booking
/// resumed after a crash books the same time again (and Graph's transactionId returns the same events).
/// </summary>
/// <param name="BookingId">Deterministic for a request's Idempotency-Key; random otherwise.</param>
/// <param name="ClaimedAt">When the booking began (UTC); an old claim is abandoned and may be taken over.</param>
/// <param name="ChosenStart">The start being booked, once chosen.</param>
public sealed record BookingClaim(string BookingId, DateTimeOffset ClaimedAt, DateTimeOffset? ChosenStart = null);
