using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Applications.Acknowledgments;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Interviews;

namespace InterviewScheduler.Functions.Applications;

/// <summary>The body of <c>GET /api/applications/{id}</c>. Times are UTC.</summary>
public sealed record ApplicationView(
    string ApplicationId,
    string Status,
    CandidateView Candidate,
    RoleView Role,
    string Source,
    string? ExternalId,
    string? RecruiterEmail,
    DateTimeOffset ReceivedAt,
    AcknowledgmentView Acknowledgment,
    IReadOnlyList<InterviewView> Interviews,
    DebriefView? Debrief,
    TimelineView Timeline,
    SelfSchedulingView? SelfScheduling)
{
    /// <param name="now">The moment the view is for: an offer past its expiry shows as expired.</param>
    public static ApplicationView From(JobApplication application, IReadOnlyList<Interview> interviews, Debrief? debrief, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(application);
        var acknowledgment = application.Acknowledgment;
        return new ApplicationView(
            application.Id,
            StatusName(application.Status),
            new CandidateView(application.Candidate.Name, application.Candidate.Email, application.Candidate.TimeZone),
            new RoleView(application.Role.Id, application.Role.Title),
            application.Source,
            application.ExternalId,
            application.RecruiterEmail,
            application.ReceivedAt,
            new AcknowledgmentView(
                AcknowledgmentStatusName(application),
                acknowledgment.SentAt,
                acknowledgment.Attempts,
                acknowledgment.Status == AcknowledgmentStatus.Failed ? acknowledgment.LastError : null,
                acknowledgment.Status == AcknowledgmentStatus.Sending ? acknowledgment.NextAttemptAt : null,
                acknowledgment.Status == AcknowledgmentStatus.Sending ? acknowledgment.LastError : null,
                SkipName(application.AcknowledgmentSkipped)),
            [.. interviews.Select(InterviewView.From)],
            DebriefView.From(debrief),
            TimelineOf(application, interviews, debrief),
            SelfSchedulingView.From(application.SelfScheduling, now));
    }

    /// <summary>The speed timeline of an application (anonymous: kept after erasure).</summary>
    public static TimelineView TimelineOf(JobApplication application, IReadOnlyList<Interview> interviews, Debrief? debrief)
    {
        var scheduled = interviews.Where(i => i.Status == InterviewStatus.Scheduled).ToList();
        return new TimelineView(application.ReceivedAt, application.Acknowledgment.SentAt, application.BookingRequestedAt, application.BookedAt)
        {
            FirstInterviewAt = scheduled.Count > 0 ? scheduled.Min(i => i.Time.Start) : null,
            DebriefAt = debrief is { Status: DebriefStatus.Scheduled } ? debrief.Time.Start : null,
        };
    }

    public static string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Received => "received",
        ApplicationStatus.Scheduled => "scheduled",
        ApplicationStatus.Erasing => "erasing",
        ApplicationStatus.Erased => "erased",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The acknowledgment's status as the API names it: <c>skipped</c> for one that is never sent.</summary>
    public static string AcknowledgmentStatusName(JobApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.AcknowledgmentSkipped is null ? StatusName(application.Acknowledgment.Status) : "skipped";
    }

    public static string? SkipName(AcknowledgmentSkip? skip) => skip switch
    {
        null => null,
        AcknowledgmentSkip.CandidateCannotBeEmailed => "candidate-cannot-be-emailed",
        AcknowledgmentSkip.RecipientDailyLimit => "recipient-daily-limit",
        _ => throw new ArgumentOutOfRangeException(nameof(skip)),
    };

    public static string StatusName(AcknowledgmentStatus status) => status switch
    {
        AcknowledgmentStatus.Pending => "pending",
        AcknowledgmentStatus.Sending => "sending",
        AcknowledgmentStatus.Sent => "sent",
        AcknowledgmentStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

public sealed record CandidateView(string Name, string Email, string? TimeZone);

public sealed record RoleView(string Id, string Title);

/// <param name="Status">pending, sending, sent, failed, or skipped (never sent).</param>
/// <param name="SentAt">When Graph accepted the email.</param>
/// <param name="Attempts">Send attempts begun.</param>
/// <param name="FailureReason">Why it failed, for <c>failed</c>: Graph's error code and a short reason.</param>
/// <param name="NextAttemptAt">When a retry is due, while <c>sending</c>.</param>
/// <param name="LastError">Why the latest attempt did not finish, while <c>sending</c>.</param>
/// <param name="SkippedBecause">For skipped: candidate-cannot-be-emailed or recipient-daily-limit.</param>
public sealed record AcknowledgmentView(string Status, DateTimeOffset? SentAt, int Attempts, string? FailureReason = null, DateTimeOffset? NextAttemptAt = null, string? LastError = null, string? SkippedBecause = null);

/// <summary>The moments that show the service's speed (UTC).</summary>
/// <param name="ReceivedAt">The application arrived.</param>
/// <param name="AcknowledgedAt">The acknowledgment email was sent.</param>
/// <param name="BookingRequestedAt">The latest booking was requested.</param>
/// <param name="BookedAt">Its events were created (the invites went out).</param>
public sealed record TimelineView(DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? BookingRequestedAt, DateTimeOffset? BookedAt)
{
    /// <summary>The first scheduled interview starts.</summary>
    public DateTimeOffset? FirstInterviewAt { get; init; }

    /// <summary>The debrief starts.</summary>
    public DateTimeOffset? DebriefAt { get; init; }
}
