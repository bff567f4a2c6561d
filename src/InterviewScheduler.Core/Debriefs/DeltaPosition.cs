namespace InterviewScheduler.Core.Debriefs;

/// <summary>Where reconciliation left the organizer's calendar: Graph's delta token, and when its round (and window) began.</summary>
/// <param name="Token">The deltaLink Graph answered, stored as is.</param>
/// <param name="RoundStartedAt">When the round without a token began (UTC); its window was fixed then.</param>
public sealed record DeltaPosition(string Token, DateTimeOffset RoundStartedAt);
