using System.Text.Json;
using InterviewScheduler.Core.Applications;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Applications.Greenhouse;

/// <summary>
/// <c>POST /api/intake/greenhouse</c>: Greenhouse's web hook. Every delivery must be signed with
/// <c>Intake:Greenhouse:SecretKey</c>; <c>ping</c> answers 200; <c>new_candidate_application</c> goes through the same
/// validation, deduplication and intake as <c>POST /api/applications</c> and answers 200 with
/// <c>{applicationId, status, acknowledgment}</c> (a redelivery gets the same id); any other action answers 200 and
/// stores nothing.
/// </summary>
/// <remarks>
/// Greenhouse counts any status but 200 as a failure and redelivers for about 15 hours, so only what is truly wrong
/// gets another status, and nothing is stored for it: 401 for a missing or wrong signature, 400 naming the payload
/// field for an application intake would refuse (the redeliveries fail the same way and show in Greenhouse's log) or
/// for a signed body that is no delivery at all (not an object with a string <c>action</c>, which Greenhouse never sends), and
/// 503 while no secret key is configured. 503 rather than 401 there, because the sender's signature is not what is
/// wrong: the route is not set up yet, and Greenhouse's retries reach it once it is; an unsigned delivery is never
/// accepted meanwhile. Prospects (no application to a job yet) are answered 200 and not stored: there is nothing to
/// acknowledge. The per-recipient cap stores the application without an email, as on the generic route.
/// </remarks>
public sealed partial class GreenhouseWebhookFunction(ApplicationIntake intake, IntakeLimits limits, IOptions<IntakeOptions> options, ILogger<GreenhouseWebhookFunction> logger)
{
    public const string EventIdHeader = "Greenhouse-Event-ID";

    public const string NewApplicationAction = "new_candidate_application";

    public const string PingAction = "ping";

    [Function(nameof(GreenhouseWebhookFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "intake/greenhouse")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.Value.Greenhouse.SecretKey is not { Length: > 0 } secretKey)
        {
            LogNotConfigured(logger);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Greenhouse intake is not configured.", "Set Intake:Greenhouse:SecretKey to the web hook's secret key.");
        }

        var (body, unreadable) = await JsonBody.ReadAsync(request, GreenhouseOptions.MaxBodyBytes, cancellationToken);
        if (unreadable is not null) return unreadable;

        var eventId = EventId(request);
        if (!GreenhouseSignature.IsValid(secretKey, body!, request.Headers[GreenhouseSignature.HeaderName]))
        {
            LogRefusedSignature(logger, eventId);
            return Problems.Status(StatusCodes.Status401Unauthorized, "Missing or wrong signature.", $"Greenhouse signs each delivery in the {GreenhouseSignature.HeaderName} header with the web hook's secret key.");
        }

        var (delivery, malformed) = JsonBody.Parse<JsonElement>(body!);
        if (malformed is not null) return malformed;

        // Greenhouse sends an object with an action (a string) every time; anything else is no delivery to answer 200.
        if (delivery.ValueKind != JsonValueKind.Object || !delivery.TryGetProperty("action", out var named) || named.ValueKind != JsonValueKind.String)
        {
            return Problems.Validation(new Dictionary<string, string[]> { [delivery.ValueKind == JsonValueKind.Object ? "action" : "body"] = ["Required: a JSON object with the delivery's action."] });
        }

        var action = named.GetString();
        switch (action)
        {
            case NewApplicationAction:
                return await ReceiveAsync(GreenhouseApplication.Read(delivery), eventId, cancellationToken);
            case PingAction:
                LogPing(logger, eventId);
                return new OkObjectResult(new DeliveryAnswer(PingAction, "pong"));
            default:
                LogIgnored(logger, eventId);
                return new OkObjectResult(new DeliveryAnswer(action!, "ignored"));
        }
    }

    private async Task<IActionResult> ReceiveAsync(GreenhouseSubmission read, string eventId, CancellationToken cancellationToken)
    {
        if (read.Submission is null)
        {
            LogRefusedApplication(logger, read.GreenhouseApplicationId, eventId, string.Join(", ", read.Errors.Keys));
            return Problems.Validation(read.Errors);
        }

        if (read.IsProspect)
        {
            LogProspect(logger, read.GreenhouseApplicationId, eventId);
            return new OkObjectResult(new DeliveryAnswer(NewApplicationAction, "ignored"));
        }

        var validated = SubmissionValidation.Validate(read.Submission, limits);
        if (!validated.IsValid)
        {
            var errors = read.InPayloadTerms(validated.Errors);
            LogRefusedApplication(logger, read.GreenhouseApplicationId, eventId, string.Join(", ", errors.Keys));
            return Problems.Validation(errors);
        }

        var outcome = await intake.ReceiveAsync(validated with { CanEmail = read.CanEmail }, cancellationToken);
        var application = outcome.Application;
        if (outcome.Created)
        {
            LogReceived(logger, application.Id, read.GreenhouseApplicationId, eventId);
            if (application.AcknowledgmentSkipped is { } skipped) LogSkipped(logger, application.Id, ApplicationView.SkipName(skipped)!);
        }
        else
        {
            LogDuplicate(logger, application.Id, read.GreenhouseApplicationId, eventId);
        }

        // 200, not 202 as on the generic route: Greenhouse takes only 200 as delivered.
        return new OkObjectResult(SubmitApplicationFunction.SubmissionAnswer.From(application));
    }

    /// <summary>Greenhouse's id of the delivery, to follow one through the logs; the header is unsigned, so only a plain id is logged.</summary>
    private static string EventId(HttpRequest request) => request.Headers[EventIdHeader].ToString() switch
    {
        { Length: 0 } => "(none)",
        { Length: <= 64 } id when id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') => id,
        _ => "(malformed)",
    };

    /// <summary>The body of a 200 for a delivery that stores nothing.</summary>
    /// <param name="Action">The delivery's action.</param>
    /// <param name="Result"><c>pong</c> for a ping, <c>ignored</c> for anything else.</param>
    public sealed record DeliveryAnswer(string Action, string Result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} received from Greenhouse application {GreenhouseApplicationId} (event {EventId})")]
    private static partial void LogReceived(ILogger logger, string applicationId, string? greenhouseApplicationId, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Greenhouse application {GreenhouseApplicationId} (event {EventId}) is application {ApplicationId} already")]
    private static partial void LogDuplicate(ILogger logger, string applicationId, string? greenhouseApplicationId, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId} from Greenhouse stored without an acknowledgment: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string applicationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Greenhouse application {GreenhouseApplicationId} (event {EventId}) refused: invalid {Fields}")]
    private static partial void LogRefusedApplication(ILogger logger, string? greenhouseApplicationId, string eventId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Greenhouse application {GreenhouseApplicationId} (event {EventId}) is a prospect's: not stored")]
    private static partial void LogProspect(ILogger logger, string? greenhouseApplicationId, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Greenhouse ping (event {EventId}) answered")]
    private static partial void LogPing(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Greenhouse delivery {EventId} ignored: not a new application")]
    private static partial void LogIgnored(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Greenhouse delivery {EventId} refused: missing or wrong signature")]
    private static partial void LogRefusedSignature(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Greenhouse delivery refused: Intake:Greenhouse:SecretKey is not set")]
    private static partial void LogNotConfigured(ILogger logger);
}
