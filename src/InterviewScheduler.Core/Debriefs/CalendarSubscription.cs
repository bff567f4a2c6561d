namespace InterviewScheduler.Core.Debriefs;

/// <summary>A change-notification subscription as Graph holds it.</summary>
/// <param name="Id">Graph's subscription id.</param>
/// <param name="Resource">What it watches, e.g. <c>users/interviews@contoso.com/events</c>.</param>
/// <param name="ExpiresAt">When Graph drops it unless renewed (UTC); under 7 days for Outlook events.</param>
public sealed record CalendarSubscription(string Id, string Resource, DateTimeOffset ExpiresAt)
{
    /// <summary>A fingerprint (not the secret) of the clientState it was made with; a changed secret needs a new subscription.</summary>
    public string? ClientStateFingerprint { get; init; }
}
