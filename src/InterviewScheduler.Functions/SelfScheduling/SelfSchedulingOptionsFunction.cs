using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.SelfScheduling;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>
/// <c>GET /api/self-scheduling/options?timeZone=Europe/Paris</c> with the link's token in <c>X-Scheduling-Link</c>: the
/// offered panel's times free now, in UTC and in the asked zone, with the role and what the interview will look like.
/// Anonymous to the Functions host: the signed link is the key. Never shows who interviews or the interview guide.
/// </summary>
public sealed class SelfSchedulingOptionsFunction(SelfSchedulingPicks picks, SchedulingOptions scheduling)
{
    [Function(nameof(SelfSchedulingOptionsFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "self-scheduling/options")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? asked = request.Query[CandidateZone.Field];
        if (!CandidateZone.IsValid(asked)) return Problems.Validation(CandidateZone.Unknown());

        var check = await picks.OptionsAsync(request.Headers[SelfSchedulingProblems.LinkHeader], cancellationToken);
        var (zoneId, zone) = CandidateZone.Resolve(asked, check.Application?.Candidate.TimeZone);
        if (SelfSchedulingProblems.ForLink(check, zone) is { } refused) return refused;

        var offer = check.Offer!;
        return new OkObjectResult(new CandidateOptionsAnswer(
            zoneId,
            check.Application!.Role.Title,
            scheduling.CompanyName,
            offer.ExpiresAt,
            TimeZoneInfo.ConvertTime(offer.ExpiresAt, zone),
            [.. offer.Panel.Sessions.Select(s => new InterviewShapeView(s.Title, (int)s.Duration.TotalMinutes))],
            [.. check.Options.Select(o => CandidateOptionView.From(o, zone))]));
    }
}
