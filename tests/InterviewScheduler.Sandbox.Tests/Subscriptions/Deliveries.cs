using InterviewScheduler.Sandbox.Subscriptions;

namespace InterviewScheduler.Sandbox.Tests.Subscriptions;

/// <summary>Waiting on the tenant's delivery log, which the background sender fills in on real time.</summary>
internal static class Deliveries
{
    /// <summary>Waits until <paramref name="count"/> deliveries have a final outcome (not pending), and returns those.</summary>
    public static async Task<IReadOnlyList<NotificationDelivery>> FinishedAsync(SandboxTenant tenant, int count, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var done = tenant.NotificationDeliveries.Where(d => d.Outcome != NotificationOutcome.Pending).ToList();
            if (done.Count >= count) return done;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{done.Count} of {count} deliveries finished.");
            await Task.Delay(20);
        }
    }
}
