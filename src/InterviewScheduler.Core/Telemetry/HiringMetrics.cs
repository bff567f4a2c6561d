using System.Diagnostics.Metrics;

namespace InterviewScheduler.Core.Telemetry;

/// <summary>
/// The product's own measurements of speed, on the meter <see cref="MeterName"/>. Tags carry no personal data: only
/// the outcome or the source system, never an email address or a name.
/// </summary>
public sealed class HiringMetrics
{
    /// <summary>The meter every instrument here belongs to; exporters subscribe to it by this name.</summary>
    public const string MeterName = "InterviewScheduler";

    private readonly Histogram<double> _applicationToAcknowledgment;
    private readonly Histogram<double> _requestToInvites;
    private readonly Histogram<double> _lastInterviewToDebrief;
    private readonly Counter<long> _graphThrottled;
    private readonly Counter<long> _acknowledgmentFailed;

    public HiringMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _applicationToAcknowledgment = meter.CreateHistogram<double>(
            "interviewscheduler.application.acknowledgment.duration", "s",
            "Time from an application arriving to its acknowledgment being sent.");
        _requestToInvites = meter.CreateHistogram<double>(
            "interviewscheduler.booking.turnaround", "s",
            "Time from a recruiter's booking request to the invites being sent.");
        _lastInterviewToDebrief = meter.CreateHistogram<double>(
            "interviewscheduler.debrief.gap", "min",
            "Time from the end of a candidate's last interview to the start of the debrief (zero by design).");
        _graphThrottled = meter.CreateCounter<long>(
            "interviewscheduler.graph.throttled", "{response}",
            "Microsoft Graph responses that asked the service to slow down (429, or 503 with Retry-After).");
        _acknowledgmentFailed = meter.CreateCounter<long>(
            "interviewscheduler.application.acknowledgment.failed", "{acknowledgment}",
            "Acknowledgments given up: a permanent error, or transient ones past the retry horizon.");
    }

    /// <summary>Records seconds from application to acknowledgment.</summary>
    public void AcknowledgmentSent(TimeSpan sinceApplication) => _applicationToAcknowledgment.Record(sinceApplication.TotalSeconds);

    /// <summary>Records seconds from booking request to invites sent.</summary>
    public void InvitesSent(TimeSpan sinceRequest) => _requestToInvites.Record(sinceRequest.TotalSeconds);

    /// <summary>Records minutes between the last interview's end and the debrief's start.</summary>
    public void DebriefBooked(TimeSpan afterLastInterview) => _lastInterviewToDebrief.Record(afterLastInterview.TotalMinutes);

    /// <summary>Counts one acknowledgment given up, tagged <c>permanent</c> or <c>horizon</c>.</summary>
    public void AcknowledgmentFailed(bool permanent) => _acknowledgmentFailed.Add(1, new KeyValuePair<string, object?>("reason", permanent ? "permanent" : "horizon"));

    /// <summary>Counts one throttled Graph response, tagged with its status code.</summary>
    public void GraphThrottled(int statusCode) => _graphThrottled.Add(1, new KeyValuePair<string, object?>("http.response.status_code", statusCode));
}
