namespace InterviewScheduler.Sandbox.Subscriptions;

/// <summary>Where a notification endpoint stands with Graph's throttling (<see cref="NotificationThrottling"/>).</summary>
public enum EndpointThrottleState
{
    /// <summary>Notifications are sent at once.</summary>
    Normal,

    /// <summary>Marked slow: each notification waits <see cref="NotificationThrottling.SlowDelay"/> before it is sent.</summary>
    Slow,

    /// <summary>Marked drop: notifications are dropped, never sent, for <see cref="NotificationThrottling.DropPeriod"/>.</summary>
    Drop,
}
