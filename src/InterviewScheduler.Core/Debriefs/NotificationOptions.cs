using System.ComponentModel.DataAnnotations;
using InterviewScheduler.Core.Configuration;

namespace InterviewScheduler.Core.Debriefs;

/// <summary>
/// Change-notification settings (configuration section <c>Notifications</c>), checked at start-up by
/// <see cref="NotificationOptionsValidator"/>; the rule that ties two settings together is <see cref="Validate"/>.
/// </summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>Shortest accepted <see cref="ClientState"/>, in characters.</summary>
    public const int MinClientStateLength = 16;

    /// <summary>
    /// The public URL of <c>POST /api/notifications/calendar</c>; unset or empty: no subscription is made and only
    /// reconciliation keeps debriefs right.
    /// </summary>
    [HttpsUrl(ErrorMessage = "Notifications:PublicUrl must be an absolute https URL.")]
    public string? PublicUrl { get; set; }

    /// <summary><see cref="PublicUrl"/> as a URI, or null when unset.</summary>
    public Uri? PublicUri => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl, UriKind.Absolute);

    /// <summary>The public URL of <c>POST /api/notifications/lifecycle</c>; defaults to <see cref="PublicUrl"/> with <c>calendar</c> replaced.</summary>
    public Uri? LifecycleNotificationUrl { get; set; }

    /// <summary>
    /// A secret Graph echoes in every notification; one without it is ignored. Required, of at least
    /// <see cref="MinClientStateLength"/> characters, when <see cref="PublicUrl"/> is set.
    /// </summary>
    public string ClientState { get; set; } = "";

    /// <summary>The lifecycle URL in use.</summary>
    public Uri LifecycleUrl => LifecycleNotificationUrl
        ?? new Uri(PublicUrl!.Replace("/notifications/calendar", "/notifications/lifecycle", StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule no attribute can state: a subscription needs a secret, so a public URL needs a client state.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicUrl) && ClientState.Length < MinClientStateLength)
        {
            yield return new ValidationResult(
                $"Notifications:ClientState (at least {MinClientStateLength} characters) is required when Notifications:PublicUrl is set.",
                [nameof(ClientState)]);
        }
    }
}
