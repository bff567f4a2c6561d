namespace InterviewScheduler.Core.Applications.Acknowledgments;

/// <summary>
/// Sends an application's acknowledgment exactly once, whatever happens around it: retries, duplicate messages,
/// a crash between any two steps, throttling, and answers that never came.
/// </summary>
/// <remarks>
/// Exactly once by construction, not by search:
/// <list type="number">
/// <item>An attempt claims the acknowledgment (an ETag write that also leases it for <see cref="Lease"/>).</item>
/// <item>If an earlier attempt began, it first reads the mailbox (<see cref="IAcknowledgmentMailer.TraceAsync"/>):
/// in Sent Items → recorded as sent; a draft → that draft is sent; nowhere after a send was asked for → the send
/// is on its way (Exchange files it after the 202), so it looks again later and never makes a second draft.</item>
/// <item>Otherwise it creates one draft carrying the application's marker, records the draft's immutable id and
/// that a send is asked for, then sends that draft.</item>
/// </list>
/// A 5xx or a timeout is "unknown" and settled by the next read, never by sending again. Throttling and transient
/// failures are retried with <see cref="AcknowledgmentBackoff"/> until <see cref="MailOptions.RetryHorizonHours"/>;
/// permanent errors fail at once. Nothing here sleeps: a wait is answered as <see cref="AcknowledgmentStep.Deferred"/>
/// and the caller puts the work back on the queue with that delay.
/// </remarks>
public sealed class AcknowledgmentSender(IApplicationStore store, IAcknowledgmentMailer mailer, ISendPacer pacer, AcknowledgmentTemplate template, MailOptions options, TimeProvider time)
{
    /// <summary>
    /// How long an attempt holds the acknowledgment: another instance waits this long before taking over from one
    /// that stopped. Longer than an attempt's three Graph requests at their timeout.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait when every request slot of the sender mailbox is taken.</summary>
    public static readonly TimeSpan BusyRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>A message may arrive this much before the due time (clocks of instances differ) and still run.</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    private TimeSpan Horizon => TimeSpan.FromHours(options.RetryHorizonHours);

    public async Task<AcknowledgmentResult> SendAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await store.FindAsync(applicationId, cancellationToken);
        // An erased candidate is gone: nothing is sent to them.
        if (application is null || application.IsErased) return new AcknowledgmentResult(AcknowledgmentStep.UnknownApplication);

        var acknowledgment = application.Acknowledgment;
        // A skipped acknowledgment (the candidate may not be emailed, or the address's daily cap) is never sent.
        if (acknowledgment.Status is AcknowledgmentStatus.Sent or AcknowledgmentStatus.Failed || application.AcknowledgmentSkipped is not null) return new AcknowledgmentResult(AcknowledgmentStep.AlreadyDone);

        var now = time.GetUtcNow();
        // A duplicate (or the sweep's copy) of a message scheduled for later: the scheduled one will do the work.
        if (acknowledgment.NextAttemptAt is { } due && due - now > EarlyTolerance) return new AcknowledgmentResult(AcknowledgmentStep.NotDue, due - now);
        if (acknowledgment.MarkedAt is { } leased && now - leased < Lease) return new AcknowledgmentResult(AcknowledgmentStep.Deferred, Lease - (now - leased));

        var sender = acknowledgment.SenderMailbox ?? options.SenderFor(application.Id);

        // Paced first: a wait for the mailbox's budget costs no attempt, no request slot and no Graph request. The
        // reservation comes right before the requests that send, so the mailbox's windows hold when Exchange counts.
        var wait = await pacer.ReserveAsync(sender, recipients: 1, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            // Recorded so that a duplicate message meanwhile is dropped; if someone else wrote first, no matter.
            await store.TryReplaceAsync(application with { Acknowledgment = acknowledgment with { NextAttemptAt = now + wait } }, cancellationToken);
            return new AcknowledgmentResult(AcknowledgmentStep.Deferred, wait) { Reason = "pacing" };
        }

        // Every slot taken is rare (4 a mailbox against 30 sends a minute); the reserved send then goes unused.
        var slot = await pacer.TryEnterAsync(sender, cancellationToken);
        if (slot is null) return new AcknowledgmentResult(AcknowledgmentStep.Deferred, BusyRetryDelay);
        await using (slot)
        {
            var claimed = await store.TryReplaceAsync(
                application with
                {
                    Acknowledgment = acknowledgment with
                    {
                        Status = AcknowledgmentStatus.Sending,
                        Attempts = acknowledgment.Attempts + 1,
                        Marker = acknowledgment.Marker ?? Marker(application.Id),
                        SenderMailbox = sender,
                        FirstAttemptAt = acknowledgment.FirstAttemptAt ?? now,
                        MarkedAt = now,
                        NextAttemptAt = null,
                    },
                },
                cancellationToken);
            if (claimed is null) return new AcknowledgmentResult(AcknowledgmentStep.Deferred, BusyRetryDelay);
            if (now - claimed.Acknowledgment.FirstAttemptAt > Horizon)
            {
                return await FailAsync(claimed, $"gave up after {claimed.Acknowledgment.Attempts - 1} attempts over {Horizon.TotalHours:0.#} h: {acknowledgment.LastError ?? "unexpected errors"}", permanent: false, cancellationToken);
            }

            try
            {
                return await AttemptAsync(claimed, began: acknowledgment.Status == AcknowledgmentStatus.Sending, cancellationToken);
            }
            catch (MailRejectedException rejected)
            {
                return await FailAsync(claimed, rejected.Reason, permanent: true, cancellationToken);
            }
            catch (MailThrottledException throttled)
            {
                return await RetryLaterAsync(claimed, "throttled by the mail service", throttled.RetryAfter, cancellationToken);
            }
            catch (MailOutcomeUnknownException)
            {
                return await RetryLaterAsync(claimed, "the mail service's answer was lost; the mailbox will tell", Backoff(claimed), cancellationToken);
            }

            // Anything else (storage unreachable, an unexpected Graph error) escapes to the queue's retries with the
            // lease held; after the poison queue the sweep brings it back once the lease has ended.
        }
    }

    /// <summary>The marker an application's acknowledgment carries: one per application, so any attempt finds the first.</summary>
    public static string Marker(string applicationId) => $"acknowledgment:{applicationId}";

    private async Task<AcknowledgmentResult> AttemptAsync(JobApplication claimed, bool began, CancellationToken cancellationToken)
    {
        var acknowledgment = claimed.Acknowledgment;
        var sender = acknowledgment.SenderMailbox!;
        var marker = acknowledgment.Marker!;
        var draftId = acknowledgment.DraftId;

        if (began)
        {
            var trace = await mailer.TraceAsync(sender, draftId, marker, cancellationToken);
            switch (trace.Place)
            {
                case MailPlace.SentItems:
                    return await RecordSentAsync(claimed, trace.SentAt ?? time.GetUtcNow(), AcknowledgmentStep.FoundAlreadySent, cancellationToken);
                case MailPlace.Draft:
                    draftId = trace.DraftId; // never sent, or its send was refused: this draft is the one to send
                    break;
                case MailPlace.Nowhere when acknowledgment.SendRequestedAt is not null:
                    // The draft left Drafts and its copy is not filed yet: the send is under way. Look again later.
                    return await RetryLaterAsync(claimed, "sent; waiting for the copy in Sent Items", Backoff(claimed), cancellationToken);
                default:
                    draftId = null; // no draft was ever made: make the one
                    break;
            }
        }

        draftId ??= await mailer.CreateDraftAsync(sender, template.Render(claimed), marker, cancellationToken);

        // The draft's id and the intent to send are recorded before the send, so a retry reads before it acts.
        var sending = await store.UpdateAsync(claimed, a => a with { Acknowledgment = acknowledgment with { DraftId = draftId, SendRequestedAt = time.GetUtcNow() } }, cancellationToken);
        await mailer.SendDraftAsync(sender, draftId, cancellationToken);
        return await RecordSentAsync(sending, time.GetUtcNow(), AcknowledgmentStep.Sent, cancellationToken);
    }

    private static TimeSpan Backoff(JobApplication application) => AcknowledgmentBackoff.After(application.Acknowledgment.Attempts, Random.Shared);

    /// <summary>Schedules the next attempt after <paramref name="wait"/> and releases the lease; past the horizon, fails instead.</summary>
    private async Task<AcknowledgmentResult> RetryLaterAsync(JobApplication application, string reason, TimeSpan wait, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = application.Acknowledgment.FirstAttemptAt ?? now;
        if (now + wait - first > Horizon)
        {
            return await FailAsync(application, $"gave up after {application.Acknowledgment.Attempts} attempts over {Horizon.TotalHours:0.#} h: {reason}", permanent: false, cancellationToken);
        }

        var next = application.Acknowledgment with { NextAttemptAt = now + wait, MarkedAt = null, LastError = reason };
        await store.UpdateAsync(application, a => a with { Acknowledgment = next }, cancellationToken);
        return new AcknowledgmentResult(AcknowledgmentStep.Deferred, wait) { Reason = reason };
    }

    private async Task<AcknowledgmentResult> FailAsync(JobApplication application, string reason, bool permanent, CancellationToken cancellationToken)
    {
        var stored = await store.UpdateAsync(
            application,
            a => a with { Acknowledgment = a.Acknowledgment with { Status = AcknowledgmentStatus.Failed, MarkedAt = null, NextAttemptAt = null, LastError = reason } },
            cancellationToken);
        return new AcknowledgmentResult(AcknowledgmentStep.Failed) { Application = stored, Reason = reason, Permanent = permanent };
    }

    private async Task<AcknowledgmentResult> RecordSentAsync(JobApplication application, DateTimeOffset sentAt, AcknowledgmentStep step, CancellationToken cancellationToken)
    {
        var stored = await store.UpdateAsync(
            application,
            a => a with { Acknowledgment = a.Acknowledgment with { Status = AcknowledgmentStatus.Sent, SentAt = sentAt, MarkedAt = null, NextAttemptAt = null, LastError = null } },
            cancellationToken);
        return new AcknowledgmentResult(step) { Application = stored };
    }
}
