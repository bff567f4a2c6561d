namespace InterviewScheduler.Core.Interviews;

/// <summary>Whether an interview must be a Teams meeting (configuration <c>Scheduling:OnlineMeeting</c>).</summary>
public enum OnlineMeetingPolicy
{
    /// <summary>A booking whose event comes back without a Teams join link is undone and reported.</summary>
    Required,

    /// <summary>Such an event is kept (the interview happens in person or by another link).</summary>
    Optional,
}
