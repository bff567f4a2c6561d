namespace InterviewScheduler.Functions.Applications;

/// <summary>Intake settings (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Largest accepted application body, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// When set, each application must carry <c>X-Signature-SHA256</c>: the hex HMAC-SHA256 of the raw body
    /// with this secret (as ATS webhooks sign). Keep it out of the repository.
    /// </summary>
    public string? SigningSecret { get; set; }
}
