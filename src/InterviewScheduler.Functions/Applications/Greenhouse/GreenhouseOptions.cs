using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Functions.Applications.Greenhouse;

/// <summary>Settings of <c>POST /api/intake/greenhouse</c> (configuration section <c>Intake:Greenhouse</c>).</summary>
public sealed class GreenhouseOptions
{
    /// <summary>Shortest accepted <see cref="SecretKey"/>, in characters: an HMAC key short enough to guess protects nothing.</summary>
    public const int MinSecretKeyLength = 16;

    /// <summary>
    /// Largest accepted delivery, in bytes. A <c>new_candidate_application</c> carries the whole candidate (answers,
    /// custom fields, attachment links, educations, employments), which outgrows the generic route's 64 KiB; the
    /// body is buffered whole before its signature can be checked, so it stays bounded.
    /// </summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The web hook's secret key as entered in Greenhouse, with which it signs every delivery
    /// (<c>Signature: sha256 &lt;hex HMAC-SHA256 of the body&gt;</c>). Unset: the route refuses every delivery.
    /// Keep it out of the repository.
    /// </summary>
    [Secret(MinSecretKeyLength, ErrorMessage = "Intake:Greenhouse:SecretKey must be at least {1} characters: enter a long random key in Greenhouse and here.")]
    public string? SecretKey { get; set; }
}
