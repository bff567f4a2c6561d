namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>The offer's own field in the body, besides the panel's.</summary>
/// <param name="ExpiresInHours">How long the link works: 72 hours by default, at most 14 days.</param>
public sealed record OfferTerms(int? ExpiresInHours);
