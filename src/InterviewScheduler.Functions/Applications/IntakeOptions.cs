using InterviewScheduler.Functions.Applications.Greenhouse;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Applications;

/// <summary>
/// The intake routes' own settings (configuration section <c>Intake</c>); the limits every route applies are
/// <see cref="Core.Applications.IntakeLimits"/>, in the same section. Checked at start-up by <see cref="IntakeOptionsValidator"/>.
/// </summary>
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

    /// <summary>The Greenhouse webhook route (<c>Intake:Greenhouse</c>).</summary>
    [ValidateObjectMembers]
    public GreenhouseOptions Greenhouse { get; set; } = new();
}
