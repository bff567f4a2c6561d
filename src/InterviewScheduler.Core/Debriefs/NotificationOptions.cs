namespace InterviewScheduler.Core.Debriefs;

/// <summary>Change-notification settings (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// The public URL of <c>POST /api/notifications/calendar</c>; unset or empty: no subscription is made and only
    /// reconciliation keeps debriefs right.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary><see cref="PublicUrl"/> as a URI, or null when unset.</summary>
    public Uri? PublicUri => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl, UriKind.Absolute);

    /// <summary>The public URL of <c>POST /api/notifications/lifecycle</c>; defaults to <see cref="PublicUrl"/> with <c>calendar</c> replaced.</summary>
    public Uri? LifecycleNotificationUrl { get; set; }

    /// <summary>A secret Graph echoes in every notification; one without it is ignored.</summary>
    public string ClientState { get; set; } = "";

    /// <summary>The lifecycle URL in use.</summary>
    public Uri LifecycleUrl => LifecycleNotificationUrl
        ?? new Uri(PublicUrl!.Replace("/notifications/calendar", "/notifications/lifecycle", StringComparison.OrdinalIgnoreCase));
}
