using InterviewScheduler.Core.Debriefs;

namespace InterviewScheduler.Core.Interviews;

/// <summary>What a recruiter's cancel left: the interview as stored now, and the application's debrief (moved after the last interview still on, or cancelled with the last one).</summary>
public sealed record CancelledInterview(Interview Interview, Debrief? Debrief);
