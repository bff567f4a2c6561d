using InterviewScheduler.Core.Applications.Acknowledgments;

namespace InterviewScheduler.Core.Applications;

/// <summary>
/// Accepts a validated application: stores it once per deduplication key and queues its acknowledgment.
/// If the process stops between the two, <see cref="AcknowledgmentSweep"/> queues it later.
/// </summary>
public sealed class ApplicationIntake(IApplicationStore store, IAcknowledgmentQueue queue, TimeProvider time)
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
        };

        var outcome = await store.AddOrGetAsync(application, submission.DeduplicationKey, cancellationToken);
        if (outcome.Created)
        {
            await queue.EnqueueAsync(outcome.Application.Id, TimeSpan.Zero, cancellationToken);
        }

        return outcome;
    }
}
