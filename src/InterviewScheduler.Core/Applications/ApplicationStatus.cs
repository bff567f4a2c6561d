namespace InterviewScheduler.Core.Applications;

/// <summary>Where an application stands in the hiring flow.</summary>
public enum ApplicationStatus
{
    /// <summary>Accepted and acknowledged (or being acknowledged); no interview booked yet.</summary>
    Received,

    /// <summary>At least one interview is booked.</summary>
    Scheduled,

    /// <summary>
    /// Erasure began: its future events are being cancelled and its personal data removed. Recorded first, so that a
    /// stop half-way is finished by the next request or the retention timer, and nothing books or sends for it meanwhile.
    /// </summary>
    Erasing,

    /// <summary>The candidate's personal data is gone; only anonymous timings and the role remain.</summary>
    Erased,
}
