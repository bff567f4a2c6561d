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
/// <remarks>
/// A new application past <see cref="IntakeLimits.MaxPerRecipientPerDay"/> for its address is still accepted (202)
/// and stored, with <c>acknowledgment: skipped</c>: the cap is on email, not on applying (see <see cref="ApplicationIntake"/>).
/// </remarks>
public sealed partial class SubmitApplicationFunction(ApplicationIntake intake, IntakeLimits limits, IOptions<IntakeOptions> options, ILogger<SubmitApplicationFunction> logger)
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

        var validated = SubmissionValidation.Validate(submission, limits);
        if (!validated.IsValid) return Problems.Validation(validated.Errors);

        var outcome = await intake.ReceiveAsync(validated, cancellationToken);
        var application = outcome.Application;
        var answer = SubmissionAnswer.From(application);
        if (!outcome.Created)
        {
            LogDuplicate(logger, application.Id);
            return new OkObjectResult(answer);
        }

        LogReceived(logger, application.Id, application.Source);
        if (application.AcknowledgmentSkipped == AcknowledgmentSkip.RecipientDailyLimit) LogDailyLimit(logger, application.Id, limits.MaxPerRecipientPerDay);
        return new AcceptedResult($"/api/applications/{application.Id}", answer);
    }

    /// <summary>The body of a 202 or 200 answer.</summary>
    /// <param name="ApplicationId">The application's id.</param>
    /// <param name="Status">Where the application stands (<c>received</c>, <c>scheduled</c>).</param>
    /// <param name="Acknowledgment">The acknowledgment's status: <c>pending</c> for a new one, <c>skipped</c> when none is sent.</param>
    public sealed record SubmissionAnswer(string ApplicationId, string Status, string Acknowledgment)
    {
        public static SubmissionAnswer From(JobApplication application) =>
            new(application.Id, ApplicationView.StatusName(application.Status), ApplicationView.AcknowledgmentStatusName(application));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} received from {Source}")]
    private static partial void LogReceived(ILogger logger, string applicationId, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate of application {ApplicationId} answered with the first one")]
    private static partial void LogDuplicate(ILogger logger, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application refused: missing or wrong signature")]
    private static partial void LogRefusedSignature(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId} stored without an acknowledgment: its address already had {PerDay} today")]
    private static partial void LogDailyLimit(ILogger logger, string applicationId, int perDay);
}
