namespace InterviewScheduler.Core.Applications;

/// <summary>Where an application stands in the hiring flow.</summary>
public enum ApplicationStatus
{
    /// <summary>Accepted and acknowledged (or being acknowledged); no interview booked yet.</summary>
    Received,

    /// <summary>At least one interview is booked.</summary>
    Scheduled,
}
