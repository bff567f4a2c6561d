namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>The body of a 201 from <c>POST /api/self-scheduling/pick</c>: what was booked, as the candidate sees it.</summary>
/// <param name="Status">Always <c>booked</c>.</param>
/// <param name="TimeZone">The IANA zone the local times are in.</param>
/// <param name="RoleTitle">The role applied for.</param>
/// <param name="Company">Who the interview is with.</param>
/// <param name="Interview">From the first session's start to the last one's end.</param>
/// <param name="Sessions">Each session booked.</param>
/// <param name="InviteSent">True: the candidate's invitation, with the Teams link, was sent to their calendar.</param>
public sealed record PickAnswer(string Status, string TimeZone, string RoleTitle, string Company, CandidateTimeView Interview, IReadOnlyList<CandidateTimeView> Sessions, bool InviteSent);
