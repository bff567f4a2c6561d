using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Interviews;

namespace InterviewScheduler.Core.SelfScheduling;

/// <summary>
/// A recruiter offers the candidate to pick the time of a panel or loop: the offer is stored on the application and
/// the candidate gets one email with a signed, expiring, single-use link to the pick page.
/// </summary>
/// <remarks>
/// <para>
/// The email goes out exactly once the way the acknowledgment does, through the same mailer: one draft carrying the
/// offer's marker, its immutable id recorded before it is sent, and an attempt that began before is settled by reading
/// the mailbox (Sent Items → done; a draft → send that draft; gone after a send was asked → on its way), never by
/// drafting again. A request holds a lease on the email (<see cref="AcknowledgmentSender.Lease"/>), so two copies of
/// it never draft at once; sends are paced with the sender mailbox's acknowledgments.
/// </para>
/// <para>
/// Nothing here sleeps or queues: an email that cannot go now (pacing, throttling, an answer that was lost) leaves the
/// offer stored and is <see cref="OfferOutcome.Deferred"/>. Repeating the request (the same Idempotency-Key, or the
/// same body) while the offer is open continues that offer's email and makes no second offer or email.
/// </para>
/// </remarks>
public sealed class SelfSchedulingOffers(
    IApplicationStore store,
    InterviewPlanner planner,
    IAcknowledgmentMailer mailer,
    ISendPacer pacer,
    OfferLetter letter,
    SelfSchedulingOptions options,
    MailOptions mail,
    TimeProvider time)
{
    public const int DefaultExpiresInHours = 72;

    /// <summary>Fourteen days: a link older than that offers times nobody rechecked with the panel.</summary>
    public const int MaxExpiresInHours = 14 * 24;

    /// <summary>When to look again after Graph's answer was lost: the mailbox settles it then.</summary>
    public static readonly TimeSpan UnknownOutcomeRetry = TimeSpan.FromSeconds(10);

    /// <summary>The marker an offer's email carries: one per offer, so any attempt finds the first draft.</summary>
    public static string Marker(string offerId) => $"self-scheduling:{offerId}";

    /// <summary>Checks the offer's own terms (the panel is checked by <see cref="PanelRequestValidation"/>); errors keyed by field.</summary>
    public static (TimeSpan ValidFor, IReadOnlyDictionary<string, string[]> Errors) CheckTerms(PanelSubmission? panel, int? expiresInHours)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var hours = expiresInHours ?? DefaultExpiresInHours;
        if (hours is < 1 or > MaxExpiresInHours)
        {
            errors["expiresInHours"] = [$"Between 1 and {MaxExpiresInHours} hours (14 days)."];
            hours = DefaultExpiresInHours; // never used with the error, and no TimeSpan overflow from a wild number
        }

        if (panel?.Start is not null) errors["start"] = ["An offer lets the candidate choose the start: leave it out."];
        return (TimeSpan.FromHours(hours), errors);
    }

    /// <param name="applicationId">The application.</param>
    /// <param name="panel">The panel or loop offered, validated.</param>
    /// <param name="validFor">How long the link works.</param>
    /// <param name="requestKey">What makes a repeat of this request the same offer: its Idempotency-Key, else a hash of its body.</param>
    /// <param name="pickPage">The public URL of the pick page; the link is it with <c>#t={token}</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<OfferResult> OfferAsync(string applicationId, PanelRequest panel, TimeSpan validFor, string requestKey, Uri pickPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(pickPage);
        if (!options.IsEnabled) return new OfferResult(OfferOutcome.NotConfigured);
        var application = await store.FindAsync(applicationId, cancellationToken);
        if (application is null || application.IsErased) return new OfferResult(OfferOutcome.UnknownApplication);

        var now = time.GetUtcNow();
        if (!IsOpenRepeat(application.SelfScheduling, requestKey, now))
        {
            // A new offer must have something to offer: the same check of the panel as its options and its booking.
            var plan = await planner.FindOptionsAsync(application, panel, panel.Window, cancellationToken);
            if (plan.UnknownInterviewers.Count > 0) return new OfferResult(OfferOutcome.UnknownInterviewers) { Errors = plan.UnknownInterviewers };
            if (plan.Options.Count == 0) return new OfferResult(OfferOutcome.NoTimes);

            var offerId = Guid.CreateVersion7(now).ToString("N");
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + validFor).ToUnixTimeSeconds());
            var sender = application.Acknowledgment.SenderMailbox ?? mail.SenderFor(application.Id);
            var offer = new SelfSchedulingOffer(offerId, requestKey, panel, now, expiresAt, new OfferEmail(Marker(offerId), sender));
            // A copy of this request that stored its offer first wins; this one then carries on with that offer's email.
            application = await store.UpdateAsync(application, a => IsOpenRepeat(a.SelfScheduling, requestKey, now) ? a : a with { SelfScheduling = offer }, cancellationToken);
        }

        return await EmailAsync(application, pickPage, cancellationToken);
    }

    private static bool IsOpenRepeat(SelfSchedulingOffer? offer, string requestKey, DateTimeOffset now) =>
        offer is not null && offer.RequestKey == requestKey && offer.StatusAt(now) == SelfSchedulingStatus.Offered;

    private async Task<OfferResult> EmailAsync(JobApplication application, Uri pickPage, CancellationToken cancellationToken)
    {
        var offer = application.SelfScheduling!;
        var email = offer.Email;
        if (email.SentAt is not null) return new OfferResult(OfferOutcome.Sent, offer);
        if (email.FailureReason is not null) return new OfferResult(OfferOutcome.Failed, offer) { Reason = email.FailureReason };

        var now = time.GetUtcNow();
        if (email.MarkedAt is { } leased && now - leased < AcknowledgmentSender.Lease)
        {
            return Deferred(offer, AcknowledgmentSender.Lease - (now - leased), "another request is sending this email");
        }

        var wait = await pacer.ReserveAsync(email.SenderMailbox, recipients: 1, cancellationToken);
        if (wait > TimeSpan.Zero) return Deferred(offer, wait, "the sender mailbox's pace");
        var slot = await pacer.TryEnterAsync(email.SenderMailbox, cancellationToken);
        if (slot is null) return Deferred(offer, AcknowledgmentSender.BusyRetryDelay, "the sender mailbox is busy");
        await using (slot)
        {
            var claimed = await store.TryReplaceAsync(WithEmail(application, email with { Attempts = email.Attempts + 1, MarkedAt = now }), cancellationToken);
            if (claimed is null) return Deferred(offer, AcknowledgmentSender.BusyRetryDelay, "the application changed meanwhile");
            try
            {
                return await AttemptAsync(claimed, began: email.Attempts > 0, pickPage, cancellationToken);
            }
            catch (MailRejectedException rejected)
            {
                var failed = await UpdateEmailAsync(claimed, e => e with { MarkedAt = null, FailureReason = rejected.Reason }, cancellationToken);
                return new OfferResult(OfferOutcome.Failed, failed.SelfScheduling) { Reason = rejected.Reason };
            }
            catch (MailThrottledException throttled)
            {
                return await ReleaseAsync(claimed, throttled.RetryAfter, "throttled by the mail service", cancellationToken);
            }
            catch (MailOutcomeUnknownException)
            {
                return await ReleaseAsync(claimed, UnknownOutcomeRetry, "the mail service's answer was lost; the mailbox will tell", cancellationToken);
            }
        }
    }

    private async Task<OfferResult> AttemptAsync(JobApplication claimed, bool began, Uri pickPage, CancellationToken cancellationToken)
    {
        var offer = claimed.SelfScheduling!;
        var email = offer.Email;
        var draftId = email.DraftId;
        if (began)
        {
            var trace = await mailer.TraceAsync(email.SenderMailbox, draftId, email.Marker, cancellationToken);
            switch (trace.Place)
            {
                case MailPlace.SentItems:
                    var sent = await UpdateEmailAsync(claimed, e => e with { MarkedAt = null, SentAt = trace.SentAt ?? time.GetUtcNow() }, cancellationToken);
                    return new OfferResult(OfferOutcome.Sent, sent.SelfScheduling);
                case MailPlace.Draft:
                    draftId = trace.DraftId; // never sent, or its send was refused: this draft is the one to send
                    break;
                case MailPlace.Nowhere when email.SendRequestedAt is not null:
                    // Left Drafts and not filed yet: the send is under way. A later repeat finds it in Sent Items.
                    var sending = await UpdateEmailAsync(claimed, e => e with { MarkedAt = null }, cancellationToken);
                    return new OfferResult(OfferOutcome.Sending, sending.SelfScheduling);
                default:
                    draftId = null; // no draft was ever made: make the one
                    break;
            }
        }

        var link = new Uri(pickPage, "#t=" + SchedulingLink.Sign(options.KeyBytes, claimed.Id, offer.OfferId, SelfSchedulingOffer.PanelHash(offer.Panel), offer.ExpiresAt));
        draftId ??= await mailer.CreateDraftAsync(email.SenderMailbox, letter.Render(claimed, offer, link), email.Marker, cancellationToken);

        // The draft's id and the intent to send are recorded before the send, so a repeat reads before it acts.
        var recorded = await UpdateEmailAsync(claimed, e => e with { DraftId = draftId, SendRequestedAt = time.GetUtcNow() }, cancellationToken);
        await mailer.SendDraftAsync(email.SenderMailbox, draftId, cancellationToken);
        var done = await UpdateEmailAsync(recorded, e => e with { MarkedAt = null, SentAt = time.GetUtcNow() }, cancellationToken);
        return new OfferResult(OfferOutcome.Sent, done.SelfScheduling);
    }

    private async Task<OfferResult> ReleaseAsync(JobApplication claimed, TimeSpan wait, string reason, CancellationToken cancellationToken)
    {
        var released = await UpdateEmailAsync(claimed, e => e with { MarkedAt = null }, cancellationToken);
        return Deferred(released.SelfScheduling!, wait, reason);
    }

    private static OfferResult Deferred(SelfSchedulingOffer offer, TimeSpan wait, string reason) =>
        new(OfferOutcome.Deferred, offer) { RetryAfter = wait, Reason = reason };

    /// <summary>Changes this offer's email state, re-reading after a conflict; an offer replaced meanwhile is left alone.</summary>
    private Task<JobApplication> UpdateEmailAsync(JobApplication application, Func<OfferEmail, OfferEmail> change, CancellationToken cancellationToken)
    {
        var offerId = application.SelfScheduling!.OfferId;
        return store.UpdateAsync(
            application,
            a => a.SelfScheduling?.OfferId == offerId ? WithEmail(a, change(a.SelfScheduling.Email)) : a,
            cancellationToken);
    }

    private static JobApplication WithEmail(JobApplication application, OfferEmail email) =>
        application with { SelfScheduling = application.SelfScheduling! with { Email = email } };
}
