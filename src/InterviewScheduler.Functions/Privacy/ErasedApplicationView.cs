using InterviewScheduler.Core.Applications;
using InterviewScheduler.Core.Debriefs;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Functions.Applications;

namespace InterviewScheduler.Functions.Privacy;

/// <summary>
/// The body of <c>GET /api/applications/{id}</c> for an erased (or erasing) application: anonymous timings only.
/// Times are UTC.
/// </summary>
/// <param name="Status"><c>erased</c>, or <c>erasing</c> while an erasure is to be finished.</param>
/// <param name="ErasedAt">When the erasure was asked for.</param>
/// <param name="Acknowledgment">The acknowledgment's status and when it was sent.</param>
/// <param name="Interviews">Each interview's time and whether it took place (one still to come was cancelled).</param>
/// <param name="Debrief">The debrief's time and status.</param>
public sealed record ErasedApplicationView(
    string ApplicationId,
    string Status,
    DateTimeOffset? ErasedAt,
    RoleView Role,
    string Source,
    DateTimeOffset ReceivedAt,
    ErasedAcknowledgmentView Acknowledgment,
    IReadOnlyList<ErasedMeetingView> Interviews,
    ErasedMeetingView? Debrief,
    TimelineView Timeline)
{
    public static ErasedApplicationView From(JobApplication application, IReadOnlyList<Interview> interviews, Debrief? debrief)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(interviews);
        return new ErasedApplicationView(
            application.Id,
            ApplicationView.StatusName(application.Status),
            application.ErasedAt,
            new RoleView(application.Role.Id, application.Role.Title),
            application.Source,
            application.ReceivedAt,
            new ErasedAcknowledgmentView(ApplicationView.AcknowledgmentStatusName(application), application.Acknowledgment.SentAt),
            [.. interviews.Select(i => new ErasedMeetingView(i.Time.Start, i.Time.End, i.Status == InterviewStatus.Scheduled ? "scheduled" : "cancelled"))],
            debrief is null ? null : new ErasedMeetingView(debrief.Time.Start, debrief.Time.End, debrief.Status switch { DebriefStatus.Scheduled => "scheduled", DebriefStatus.Removed => "removed", _ => "cancelled" }),
            ApplicationView.TimelineOf(application, interviews, debrief));
    }
}

/// <summary>An erased application's acknowledgment: its status and when it was sent.</summary>
public sealed record ErasedAcknowledgmentView(string Status, DateTimeOffset? SentAt);

/// <summary>An erased application's interview or debrief: when, and its status.</summary>
public sealed record ErasedMeetingView(DateTimeOffset Start, DateTimeOffset End, string Status);
