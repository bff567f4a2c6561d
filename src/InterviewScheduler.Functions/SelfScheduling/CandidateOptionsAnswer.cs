namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>The body of <c>GET /api/self-scheduling/options</c>.</summary>
/// <param name="TimeZone">The IANA zone the local times are in.</param>
/// <param name="RoleTitle">The role applied for.</param>
/// <param name="Company">Who the interview is with.</param>
/// <param name="ExpiresAt">When the link stops working (UTC).</param>
/// <param name="LocalExpiresAt">The same, in <see cref="TimeZone"/>.</param>
/// <param name="Sessions">What the interview will look like: each session's title and length.</param>
/// <param name="Options">The times free now for the whole panel, best first.</param>
public sealed record CandidateOptionsAnswer(
    string TimeZone,
    string RoleTitle,
    string Company,
    DateTimeOffset ExpiresAt,
    DateTimeOffset LocalExpiresAt,
    IReadOnlyList<InterviewShapeView> Sessions,
    IReadOnlyList<CandidateOptionView> Options);
