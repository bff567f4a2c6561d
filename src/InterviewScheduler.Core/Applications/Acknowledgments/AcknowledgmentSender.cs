namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Sends an application's acknowledgment exactly once, whatever happens around it.
/// </summary>
/// <remarks>
/// Before a send, the application is marked <see cref="AcknowledgmentStatus.Sending"/> with a marker that the
/// email carries. If an attempt dies after Graph accepted the email but before <see cref="AcknowledgmentStatus.Sent"/>
/// was recorded, the next attempt finds the marker in Sent Items and records it instead of sending again.
/// Throttling and pacing never sleep here: they answer <see cref="AcknowledgmentStep.Deferred"/> with the wait,
/// and the caller puts the work back on the queue with that delay.
/// </remarks>
public sealed class AcknowledgmentSender(IApplicationStore store, IAcknowledgmentMailer mailer, ISendPacer pacer, AcknowledgmentTemplate template, MailOptions options, TimeProvider time)
{
    /// <summary>How long to wait when another instance is working on the same acknowledgment.</summary>
    public static readonly TimeSpan BusyRetryDelay = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long after an attempt a sent email may still be missing from Sent Items (Exchange saves the copy
    /// shortly after accepting the send): before then, not finding the marker does not prove nothing was sent.
    /// </summary>
    public static readonly TimeSpan SentItemsSettle = TimeSpan.FromMinutes(2);

    public async Task<AcknowledgmentResult> SendAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await store.FindAsync(applicationId, cancellationToken);
        if (application is null)
        {
            return new AcknowledgmentResult(AcknowledgmentStep.UnknownApplication);
        }

        var acknowledgment = application.Acknowledgment;
        if (acknowledgment.Status is AcknowledgmentStatus.Sent or AcknowledgmentStatus.Failed)
        {
            return new AcknowledgmentResult(AcknowledgmentStep.AlreadyDone);
        }

        var sender = acknowledgment.SenderMailbox ?? options.SenderMailbox;
        var marker = acknowledgment.Marker ?? Marker(application.Id);

        // A previous attempt's outcome is unknown: Sent Items tells whether Graph took the email, once it had time to.
        if (acknowledgment.Status == AcknowledgmentStatus.Sending)
        {
            if (await mailer.FindSentAsync(sender, marker, cancellationToken) is { } sentAt)
            {
                return await RecordSentAsync(application, sentAt, AcknowledgmentStep.FoundAlreadySent, cancellationToken);
            }

            var sinceMarked = time.GetUtcNow() - (acknowledgment.MarkedAt ?? DateTimeOffset.MinValue);
            if (sinceMarked < SentItemsSettle)
            {
                return new AcknowledgmentResult(AcknowledgmentStep.Deferred, SentItemsSettle - sinceMarked);
            }
        }

        var wait = await pacer.ReserveAsync(sender, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            return new AcknowledgmentResult(AcknowledgmentStep.Deferred, wait);
        }

        var marked = await store.TryReplaceAsync(
            application with { Acknowledgment = new Acknowledgment(AcknowledgmentStatus.Sending, acknowledgment.Attempts + 1, null, marker, sender) { MarkedAt = time.GetUtcNow() } },
            cancellationToken);
        if (marked is null)
        {
            return new AcknowledgmentResult(AcknowledgmentStep.Deferred, BusyRetryDelay);
        }

        try
        {
            await mailer.SendAsync(sender, template.Render(application), marker, cancellationToken);
        }
        catch (MailThrottledException throttled)
        {
            // Refused outright, so nothing went out: back to pending, no Sent Items search needed next time.
            await store.TryReplaceAsync(marked with { Acknowledgment = marked.Acknowledgment with { Status = AcknowledgmentStatus.Pending } }, cancellationToken);
            return new AcknowledgmentResult(AcknowledgmentStep.Deferred, throttled.RetryAfter);
        }

        return await RecordSentAsync(marked, time.GetUtcNow(), AcknowledgmentStep.Sent, cancellationToken);
    }

    /// <summary>Gives the acknowledgment up as failed, unless it was sent meanwhile.</summary>
    public async Task MarkFailedAsync(string applicationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var application = await store.FindAsync(applicationId, cancellationToken);
            if (application is null || application.Acknowledgment.Status is AcknowledgmentStatus.Sent or AcknowledgmentStatus.Failed)
            {
                return;
            }

            if (await store.TryReplaceAsync(application with { Acknowledgment = application.Acknowledgment with { Status = AcknowledgmentStatus.Failed } }, cancellationToken) is not null)
            {
                return;
            }
        }
    }

    /// <summary>The marker an application's acknowledgment carries: one per application, so a resend finds the first.</summary>
    public static string Marker(string applicationId) => $"acknowledgment:{applicationId}";

    private async Task<AcknowledgmentResult> RecordSentAsync(JobApplication application, DateTimeOffset sentAt, AcknowledgmentStep step, CancellationToken cancellationToken)
    {
        // The email is out: record it even if someone changed the application meanwhile (re-read and retry).
        var current = application;
        for (var attempt = 0; attempt < 5 && current is not null; attempt++)
        {
            if (current.Acknowledgment.Status == AcknowledgmentStatus.Sent)
            {
                return new AcknowledgmentResult(step) { Application = current };
            }

            var sent = current with { Acknowledgment = current.Acknowledgment with { Status = AcknowledgmentStatus.Sent, SentAt = sentAt } };
            if (await store.TryReplaceAsync(sent, cancellationToken) is { } stored)
            {
                return new AcknowledgmentResult(step) { Application = stored };
            }

            current = await store.FindAsync(application.Id, cancellationToken);
        }

        throw new InvalidOperationException($"Could not record the acknowledgment of application {application.Id} as sent.");
    }
}

/// <summary>What one acknowledgment attempt did.</summary>
/// <param name="Step">The outcome.</param>
/// <param name="RetryAfter">For <see cref="AcknowledgmentStep.Deferred"/>: when to try again.</param>
public sealed record AcknowledgmentResult(AcknowledgmentStep Step, TimeSpan RetryAfter = default)
{
    /// <summary>The application as stored after the attempt, when the attempt recorded a send.</summary>
    public JobApplication? Application { get; init; }
}

/// <summary>The outcomes of an acknowledgment attempt.</summary>
public enum AcknowledgmentStep
{
    /// <summary>The email was sent now.</summary>
    Sent,

    /// <summary>An earlier attempt had sent it; found in Sent Items and recorded.</summary>
    FoundAlreadySent,

    /// <summary>Sent or failed before this attempt: nothing to do (a duplicate message).</summary>
    AlreadyDone,

    /// <summary>Not now (pacing, throttling, or another instance at work): try again after the delay.</summary>
    Deferred,

    /// <summary>No such application.</summary>
    UnknownApplication,
}
