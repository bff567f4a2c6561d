using System.Text.RegularExpressions;

namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>Graph's rules for subscriptions on Outlook events, shared by the Graph routes and the tenant.</summary>
public static partial class SubscriptionRules
{
    /// <summary>The longest lifetime Graph grants a subscription on Outlook resources: 10080 minutes (7 days).</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(10080);

    /// <summary>How long a subscriber has to echo the validation token.</summary>
    public static readonly TimeSpan ValidationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a notification endpoint has to answer 2xx before the delivery counts as failed.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The change types Graph accepts on events.</summary>
    public static readonly IReadOnlyList<string> ChangeTypes = ["created", "updated", "deleted"];

    /// <summary>The lifecycle events Graph sends to a lifecycle notification URL.</summary>
    public static readonly IReadOnlyList<string> LifecycleEvents = ["reauthorizationRequired", "subscriptionRemoved", "missed"];

    /// <summary>Why an expiration is refused at <paramref name="now"/>, or null when Graph would accept it.</summary>
    public static string? ExpirationProblem(DateTimeOffset? expiration, DateTimeOffset now)
    {
        if (expiration is not { } value) return "'expirationDateTime' is required.";
        if (value <= now) return "Subscription expiration must be in the future.";
        if (value - now > MaximumLifetime) return $"Subscription expiration can only be {MaximumLifetime.TotalMinutes:0} minutes in the future.";
        return null;
    }

    /// <summary>The mailbox id (address or GUID) in an events resource, or null when the resource is not one the sandbox serves.</summary>
    public static string? MailboxOf(string? resource)
    {
        if (string.IsNullOrWhiteSpace(resource)) return null;
        var match = EventsResource().Match(resource.Trim());
        return match.Success ? Uri.UnescapeDataString(match.Groups["id"].Value) : null;
    }

    // users/{id}/events, /users/{id}/events, users('{id}')/events; also the default calendar's events.
    [GeneratedRegex(@"^/?users(?:/(?<id>[^/()']+)|\('(?<id>[^']+)'\))/(?:calendar/)?events/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventsResource();
}
