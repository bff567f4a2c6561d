using System.Security.Cryptography;
using InterviewScheduler.Core.Interviews;
using InterviewScheduler.Core.SelfScheduling;
using InterviewScheduler.Functions.Access;
using InterviewScheduler.Functions.Http;
using InterviewScheduler.Functions.Interviews;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.SelfScheduling;

/// <summary>
/// <c>POST /api/applications/{id}/self-scheduling</c>: offers the candidate to pick the time of a panel or loop. The body
/// is the options request's, plus <c>expiresInHours</c>; the candidate gets one email with a signed, expiring,
/// single-use link. A repeat of the request (the same <c>Idempotency-Key</c>, or the same body) while the offer is
/// open answers that offer and sends nothing new.
/// </summary>
public sealed partial class OfferSelfSchedulingFunction(SelfSchedulingOffers offers, SelfSchedulingOptions options, TimeProvider time, ILogger<OfferSelfSchedulingFunction> logger)
{
    /// <summary>Where the candidate's page is served, under the app's origin.</summary>
    public const string PickPagePath = "/api/ui/pick.html";

    [Function(nameof(OfferSelfSchedulingFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/self-scheduling")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RecruiterAccess.Deny(request) is { } denied) return denied;
        if (!options.IsEnabled) return SelfSchedulingProblems.NotConfigured();
        var (body, unreadable) = await JsonBody.ReadAsync(request, PanelRequestReader.MaxBodyBytes, cancellationToken);
        if (unreadable is not null) return unreadable;
        var (submission, malformed) = JsonBody.Parse<PanelSubmission>(body!);
        if (malformed is not null) return malformed;
        var (terms, malformedTerms) = JsonBody.Parse<OfferTerms>(body!);
        if (malformedTerms is not null) return malformedTerms;

        var (panel, panelErrors) = PanelRequestValidation.Validate(submission, time.GetUtcNow());
        var (validFor, termErrors) = SelfSchedulingOffers.CheckTerms(submission, terms?.ExpiresInHours);
        // Both can name start (outside the window, and not wanted in an offer): one entry with both messages.
        var errors = panelErrors.Concat(termErrors).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        string? key = request.Headers[BookInterviewsFunction.IdempotencyHeader];
        if (key is { Length: > 200 }) errors[BookInterviewsFunction.IdempotencyHeader] = ["At most 200 characters."];
        if (panel is null || errors.Count > 0) return Problems.Validation(errors);

        if (!ApplicationIds.IsWellFormed(id)) return Problems.Status(StatusCodes.Status404NotFound, "No such application.");
        if (PickPage(request) is not { } pickPage)
        {
            return Problems.Status(StatusCodes.Status500InternalServerError, "The link's address is unknown.", "Set SelfScheduling:PublicBaseUrl to the app's public origin.");
        }

        var requestKey = string.IsNullOrWhiteSpace(key) ? "body:" + Convert.ToHexStringLower(SHA256.HashData(body!)) : "key:" + key;
        var result = await offers.OfferAsync(id, panel, validFor, requestKey, pickPage, cancellationToken);
        LogOffer(logger, id, result.Offer?.OfferId, result.Outcome, result.Reason);
        return result.Outcome switch
        {
            OfferOutcome.Sent or OfferOutcome.Sending => new ObjectResult(OfferAnswer.From(result.Offer!)) { StatusCode = StatusCodes.Status201Created },
            OfferOutcome.Deferred => new RetryAfterResult(
                Problems.Status(
                    StatusCodes.Status503ServiceUnavailable,
                    "The email to the candidate could not be sent yet.",
                    $"The offer is kept ({result.Reason}). Repeat the same request after Retry-After to send it; it is never sent twice.",
                    new Dictionary<string, object?> { ["offerId"] = result.Offer!.OfferId }),
                result.RetryAfter),
            OfferOutcome.Failed => Problems.Status(StatusCodes.Status502BadGateway, "The email to the candidate was refused.", result.Reason),
            OfferOutcome.UnknownApplication => Problems.Status(StatusCodes.Status404NotFound, "No such application."),
            OfferOutcome.UnknownInterviewers => Problems.Validation(result.Errors, "Some interviewers are unknown."),
            OfferOutcome.NoTimes => Problems.Status(StatusCodes.Status409Conflict, "No time works for everyone in the window.", "Nothing was offered: widen the window or change the panel."),
            _ => SelfSchedulingProblems.NotConfigured(),
        };
    }

    /// <summary><see cref="SelfSchedulingOptions.PublicBaseUrl"/>, else the request's own origin, with the page's path; null when neither is known.</summary>
    private Uri? PickPage(HttpRequest request)
    {
        var origin = !string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? options.PublicBaseUrl.TrimEnd('/')
            : request.Host.HasValue ? $"{request.Scheme}://{request.Host}"
            : null;
        return origin is null ? null : new Uri(origin + PickPagePath, UriKind.Absolute);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: self-scheduling offer {OfferId} {Outcome} {Reason}")]
    private static partial void LogOffer(ILogger logger, string applicationId, string? offerId, OfferOutcome outcome, string? reason);
}
