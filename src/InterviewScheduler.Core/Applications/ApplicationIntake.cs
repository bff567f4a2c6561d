using InterviewScheduler.Core.Applications.Acknowledgments;

namespace InterviewScheduler.Core.Applications;

/// <summary>
/// Accepts a validated application: stores it once per deduplication key and queues its acknowledgment.
/// If the process stops between the two, <see cref="AcknowledgmentSweep"/> queues it later.
/// </summary>
/// <remarks>
/// Every route stores a valid new application, so an ATS that must hear 200 and a candidate applying for a fourth
/// role lose nothing; what is capped is the email. A new application whose address was already given
/// <see cref="IntakeLimits.MaxPerRecipientPerDay"/> acknowledgments that UTC day is stored with
/// <see cref="AcknowledgmentSkip.RecipientDailyLimit"/> and never queued. Only a new application takes from the
/// allowance (a duplicate is answered with the first one and sends nothing), so the count is taken after the
/// store decided it is new. A process that stops between storing and counting leaves the application pending, and
/// the sweep sends it: a crash can cost one email past the cap, never a candidate's acknowledgment.
/// </remarks>
public sealed class ApplicationIntake(IApplicationStore store, IAcknowledgmentQueue queue, IRecipientAllowance allowance, IntakeLimits limits, TimeProvider time)
{
    public async Task<IntakeOutcome> ReceiveAsync(ValidatedSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!submission.IsValid) throw new ArgumentException("Only a valid submission can be received.", nameof(submission));

        var receivedAt = time.GetUtcNow();
        var application = new JobApplication(
            Guid.CreateVersion7(receivedAt).ToString("N"),
            submission.Candidate!,
            submission.Role!,
            submission.Source,
            submission.ExternalId,
            receivedAt,
            ApplicationStatus.Received,
            Acknowledgment.Pending)
        {
            RecruiterEmail = submission.RecruiterEmail,
            AcknowledgmentSkipped = submission.CanEmail ? null : AcknowledgmentSkip.CandidateCannotBeEmailed,
        };

        var outcome = await store.AddOrGetAsync(application, submission.DeduplicationKey, cancellationToken);
        if (!outcome.Created || outcome.Application.AcknowledgmentSkipped is not null)
        {
            return outcome;
        }

        var stored = outcome.Application;
        var day = DateOnly.FromDateTime(stored.ReceivedAt.UtcDateTime);
        if (await allowance.TryTakeAsync(stored.Candidate.Email, day, limits.MaxPerRecipientPerDay, cancellationToken))
        {
            await queue.EnqueueAsync(stored.Id, TimeSpan.Zero, cancellationToken);
            return outcome;
        }

        var skipped = await store.UpdateAsync(stored, a => a with { AcknowledgmentSkipped = AcknowledgmentSkip.RecipientDailyLimit }, cancellationToken);
        return outcome with { Application = skipped };
    }
}
