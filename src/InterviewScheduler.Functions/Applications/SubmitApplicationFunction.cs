using InterviewScheduler.Core.Applications;
using InterviewScheduler.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewScheduler.Functions.Applications;

/// <summary>
/// <c>POST /api/applications</c>: a new application from a careers form or an ATS webhook. 202 for a new one,
/// 200 with the first one's id for a duplicate; bad input stores nothing and queues nothing.
/// </summary>
public sealed partial class SubmitApplicationFunction(ApplicationIntake intake, IOptions<IntakeOptions> options, ILogger<SubmitApplicationFunction> logger)
{
    [Function(nameof(SubmitApplicationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "applications")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, unreadable) = await JsonBody.ReadAsync(request, IntakeOptions.MaxBodyBytes, cancellationToken);
        if (unreadable is not null) return unreadable;

        if (options.Value.SigningSecret is { Length: > 0 } secret
            && !WebhookSignature.IsValid(secret, body!, request.Headers[WebhookSignature.HeaderName]))
        {
            LogRefusedSignature(logger);
            return Problems.Status(StatusCodes.Status401Unauthorized, "Missing or wrong signature.", $"Sign the raw body with HMAC-SHA256 in {WebhookSignature.HeaderName}.");
        }

        var (submission, malformed) = JsonBody.Parse<ApplicationSubmission>(body!);
        if (malformed is not null) return malformed;

        var validated = SubmissionValidation.Validate(submission);
        if (!validated.IsValid) return Problems.Validation(validated.Errors);

        var outcome = await intake.ReceiveAsync(validated, cancellationToken);
        var application = outcome.Application;
        var answer = new SubmissionAnswer(application.Id, ApplicationView.StatusName(application.Status));
        if (!outcome.Created)
        {
            LogDuplicate(logger, application.Id);
            return new OkObjectResult(answer);
        }

        LogReceived(logger, application.Id, application.Source);
        return new AcceptedResult($"/api/applications/{application.Id}", answer);
    }

    /// <summary>The body of a 202 or 200 answer.</summary>
    public sealed record SubmissionAnswer(string ApplicationId, string Status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} received from {Source}")]
    private static partial void LogReceived(ILogger logger, string applicationId, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate of application {ApplicationId} answered with the first one")]
    private static partial void LogDuplicate(ILogger logger, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application refused: missing or wrong signature")]
    private static partial void LogRefusedSignature(ILogger logger);
}
