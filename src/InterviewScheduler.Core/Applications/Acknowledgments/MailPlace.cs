namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>The places an acknowledgment can be found.</summary>
public enum MailPlace
{
    /// <summary>Neither a draft nor in Sent Items: never drafted, or sent and not yet filed (the send completes after its 202).</summary>
    Nowhere,

    /// <summary>A draft not (yet) sent.</summary>
    Draft,

    /// <summary>Sent: its copy is in Sent Items.</summary>
    SentItems,
}
