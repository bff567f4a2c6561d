namespace InterviewScheduler.Core.Privacy;

/// <summary>What an erasure did.</summary>
public enum ErasureOutcome
{
    /// <summary>Erased now: future events cancelled, personal data removed.</summary>
    Erased,

    /// <summary>Erased before: nothing done, nothing sent.</summary>
    AlreadyErased,

    /// <summary>No such application.</summary>
    UnknownApplication,

    /// <summary>
    /// A booking, or another erasure, is under way for the application: nothing was removed, ask again in a minute
    /// (<see cref="ApplicationErasure.RetryAfter"/>).
    /// </summary>
    Busy,
}
