using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace InterviewScheduler.Functions.Http;

/// <summary>
/// The Functions worker's edge: an exception an HTTP function lets escape is logged (its type and the function, never
/// its message) and answered as problem+json by <see cref="FailureProblems"/>. Queue and timer functions are left to
/// the host's retries.
/// </summary>
public sealed partial class ProblemsMiddleware(ILogger<ProblemsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            // Type and stack only: the message of a Graph error can carry an address.
            var failure = FailureProblems.Unwrap(exception);
            LogFailed(logger, context.FunctionDefinition.Name, failure.GetType().Name, failure.StackTrace);
            await FailureProblems.WriteAsync(http, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed with {ExceptionType}; answered with problem+json. {StackTrace}")]
    private static partial void LogFailed(ILogger logger, string function, string exceptionType, string? stackTrace);
}
