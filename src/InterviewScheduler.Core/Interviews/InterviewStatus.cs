namespace InterviewScheduler.Core.Interviews;

/// <summary>Where an interview stands.</summary>
public enum InterviewStatus
{
    Scheduled,
    Cancelled,
}
