namespace InterviewScheduler.Core.Interviews;

/// <summary>One session of a request.</summary>
/// <param name="Title">Shown in the event subject of a loop.</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="MinimumOptional">How many optional interviewers must be free.</param>
/// <param name="Interviewers">Who interviews.</param>
public sealed record SessionRequest(string Title, TimeSpan Duration, int MinimumOptional, IReadOnlyList<InterviewerRequest> Interviewers);
