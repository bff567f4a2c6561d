using System.ComponentModel.DataAnnotations;
using System.Text;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// Candidate self-scheduling settings (configuration section <c>SelfScheduling</c>), checked at start-up by
/// <see cref="SelfSchedulingOptionsValidator"/>. Without a <see cref="SigningKey"/> the feature is off: its routes
/// answer 503 and no link is ever made.
/// </summary>
public sealed class SelfSchedulingOptions
{
    public const string SectionName = "SelfScheduling";

    /// <summary>Shortest accepted <see cref="SigningKey"/>, in characters.</summary>
    public const int MinSigningKeyLength = 32;

    /// <summary>
    /// The HMAC-SHA256 key that signs candidates' links. It must stay the same across deployments and instances (a
    /// new key makes every link sent so far invalid), and must never be in the repository.
    /// </summary>
    [Secret(MinSigningKeyLength, ErrorMessage = "SelfScheduling:SigningKey must be at least {1} characters: a long random secret, the same on every instance.")]
    public string? SigningKey { get; set; }

    /// <summary>
    /// The public origin candidates reach the app at, e.g. <c>https://interviews.contoso.com</c>; the link is
    /// <c>{PublicBaseUrl}/api/ui/pick.html#t=...</c>. Unset: the origin of the recruiter's request.
    /// </summary>
    [HttpsUrl(ErrorMessage = "SelfScheduling:PublicBaseUrl must be an absolute https URL.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>True when a signing key is set, so links can be made and checked.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>The signing key's bytes (UTF-8, as configured).</summary>
    /// <exception cref="InvalidOperationException">No key is set.</exception>
    public byte[] KeyBytes => IsEnabled ? Encoding.UTF8.GetBytes(SigningKey!) : throw new InvalidOperationException("SelfScheduling:SigningKey is not set.");
}
