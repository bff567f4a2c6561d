namespace InterviewScheduler.Core.Applications;

/// <summary>Why an application was stored without an acknowledgment email.</summary>
public enum AcknowledgmentSkip
{
    /// <summary>The source says the candidate may not be emailed (Greenhouse's <c>can_email: false</c>).</summary>
    CandidateCannotBeEmailed,

    /// <summary>The address had already been sent <see cref="IntakeLimits.MaxPerRecipientPerDay"/> acknowledgments that UTC day.</summary>
    RecipientDailyLimit,
}
