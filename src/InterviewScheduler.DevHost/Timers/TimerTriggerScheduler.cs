using System.Reflection;
using Cronos;
using InterviewScheduler.DevHost.Catalog;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.DevHost.Timers;

/// <summary>
/// Runs one timer-triggered function on its NCRONTAB schedule (UTC), as the Functions host does: six fields
/// with seconds or five without; <c>RunOnStartup</c> runs it once at start. Runs never overlap.
/// </summary>
public sealed partial class TimerTriggerScheduler : BackgroundService
{
    private readonly TimerFunction _function;
    private readonly CronExpression _schedule;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private readonly IHostApplicationLifetime _lifetime;

    public TimerTriggerScheduler(TimerFunction function, IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<TimerTriggerScheduler> logger)
    {
        _lifetime = lifetime;
        ArgumentNullException.ThrowIfNull(function);
        _function = function;
        var fields = function.Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        _schedule = CronExpression.Parse(function.Schedule, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        _scopes = scopes;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        if (_function.RunOnStartup)
        {
            // As in the Functions host, the app is listening by then: a startup run may call back into it.
            await WhenStartedAsync(stoppingToken);
            last = _time.GetUtcNow();
            await RunAsync(last, _schedule.GetNextOccurrence(last.Value, TimeZoneInfo.Utc), isPastDue: false, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // A timer may wake a moment before its time: counting from the occurrence just run, not from "now",
            // keeps that occurrence from running twice.
            var now = _time.GetUtcNow();
            var from = last is { } ran && ran > now ? ran : now;
            if (_schedule.GetNextOccurrence(from, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }

            try
            {
                if (next > now) await Task.Delay(next - now, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var following = _schedule.GetNextOccurrence(next, TimeZoneInfo.Utc);
            await RunAsync(last, following, isPastDue: _time.GetUtcNow() - next > TimeSpan.FromSeconds(30), stoppingToken);
            last = next;
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    private async Task RunAsync(DateTimeOffset? last, DateTimeOffset? next, bool isPastDue, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = (last ?? DateTimeOffset.MinValue).UtcDateTime,
                Next = (next ?? DateTimeOffset.MaxValue).UtcDateTime,
                LastUpdated = _time.GetUtcNow().UtcDateTime,
            },
        };
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(scope.ServiceProvider, _function.Method, p => Bind(info, p, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed run is logged and the schedule goes on, as in the Functions host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogRunFailed(_logger, exception, _function.Name);
        }
    }

    private object? Bind(TimerInfo info, ParameterInfo parameter, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken)) return cancellationToken;
        if (parameter == _function.Trigger) return info;
        throw FunctionInvoker.Unbindable(_function.Name, parameter);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string function);
}
