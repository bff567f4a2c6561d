using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.SelfScheduling;
using InterviewScheduler.Core.Telemetry;
using InterviewScheduler.Functions.Http;
using InterviewScheduler.Functions.Interviews;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>
/// <c>POST /api/self-scheduling/pick</c> <c>{"start", "timeZone"?}</c> with the link's token in <c>X-Scheduling-Link</c>:
/// books the picked time through the recruiter's own booking (the candidate's invite goes out with it), then the
/// debrief. 201 with the booked times; the same pick again answers the same; another pick after it is 410; a time
/// taken meanwhile is 409 with the times still free. Anonymous to the Functions host: the signed link is the key.
/// </summary>
public sealed partial class PickTimeFunction(SelfSchedulingPicks picks, DebriefPlacement debriefs, SchedulingOptions scheduling, HiringMetrics metrics, TimeProvider time, ILogger<PickTimeFunction> logger)
{
    private const int MaxBodyBytes = 4 * 1024;

    [Function(nameof(PickTimeFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "self-scheduling/pick")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestedAt = time.GetUtcNow();
        var (body, unreadable) = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (unreadable is not null) return unreadable;
        var (pick, malformed) = JsonBody.Parse<PickSubmission>(body!);
        if (malformed is not null) return malformed;
        if (pick?.Start is not { } start) return Problems.Validation(new Dictionary<string, string[]> { ["start"] = ["The start of the time picked is required."] });
        if (!CandidateZone.IsValid(pick.TimeZone)) return Problems.Validation(CandidateZone.Unknown());

        var result = await picks.PickAsync(request.Headers[SelfSchedulingProblems.LinkHeader], start, cancellationToken);
        var (zoneId, zone) = CandidateZone.Resolve(pick.TimeZone, result.Link.Application?.Candidate.TimeZone);
        switch (result.Outcome)
        {
            case PickOutcome.Booked:
                var applicationId = result.Link.Application!.Id;
                var booking = result.Booking!;
                if (booking.Outcome == BookingOutcome.Booked) metrics.InvitesSent(time.GetUtcNow() - requestedAt);
                LogPicked(logger, applicationId, result.Link.Offer!.OfferId, booking.Outcome);
                await debriefs.AfterBookingAsync(applicationId, booking, cancellationToken);
                return new ObjectResult(Answer(result, booking, zoneId, zone)) { StatusCode = StatusCodes.Status201Created };
            case PickOutcome.Used:
                return SelfSchedulingProblems.Used(result.Link, zone);
            case PickOutcome.Refused:
                return SelfSchedulingProblems.ForLink(result.Link, zone)!;
            default:
                return NotBooked(result, zone);
        }
    }

    private PickAnswer Answer(PickResult result, BookingResult booking, string zoneId, TimeZoneInfo zone)
    {
        var sessions = booking.Interviews.OrderBy(i => i.Time.Start).ToList();
        return new PickAnswer(
            "booked",
            zoneId,
            result.Link.Application!.Role.Title,
            scheduling.CompanyName,
            CandidateTimeView.From(new(sessions[0].Time.Start, sessions[^1].Time.End), zone),
            [.. sessions.Select(i => CandidateTimeView.From(i.Time, zone, i.Title))],
            InviteSent: true);
    }

    /// <summary>Why a pick was not booked, in the candidate's words: never the panel's names or Graph's text.</summary>
    private ObjectResult NotBooked(PickResult result, TimeZoneInfo zone)
    {
        var booking = result.Booking!;
        var applicationId = result.Link.Application!.Id;
        switch (booking.Outcome)
        {
            case BookingOutcome.Taken:
                return Problems.Status(
                    StatusCodes.Status409Conflict,
                    "That time is no longer free.",
                    "Someone took it a moment ago. Here are the times still free.",
                    new Dictionary<string, object?> { ["options"] = booking.FreshOptions.Select(o => CandidateOptionView.From(o, zone)).ToList() });
            case BookingOutcome.Busy:
                return Problems.Status(StatusCodes.Status409Conflict, "Another booking is under way.", "Try again in a moment.");
            default:
                LogNotBookable(logger, applicationId, result.Link.Offer!.OfferId, booking.Outcome);
                return Problems.Status(
                    booking.Outcome == BookingOutcome.NoOnlineMeeting ? StatusCodes.Status502BadGateway : StatusCodes.Status409Conflict,
                    "This interview cannot be booked online right now.",
                    "Please reply to the email and we will find a time with you.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: the candidate picked a time with offer {OfferId} ({Outcome})")]
    private static partial void LogPicked(ILogger logger, string applicationId, string offerId, BookingOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId}: the candidate's pick with offer {OfferId} could not be booked ({Outcome})")]
    private static partial void LogNotBookable(ILogger logger, string applicationId, string offerId, BookingOutcome outcome);
}
