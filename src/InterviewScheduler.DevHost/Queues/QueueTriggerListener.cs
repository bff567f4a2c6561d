using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InterviewScheduler.DevHost.Catalog;
using InterviewScheduler.Storage.Connection;

namespace InterviewScheduler.DevHost.Queues;

/// <summary>
/// Polls one storage queue for one queue-triggered function with the rules of host.json: batches of
/// <see cref="HostSettings.BatchSize"/> messages, a new batch once fewer than <see cref="HostSettings.NewBatchThreshold"/>
/// run, backing off to <see cref="HostSettings.MaxPollingInterval"/>
/// when idle; a failed message becomes visible again after <see cref="HostSettings.VisibilityTimeout"/>, and after
/// <see cref="HostSettings.MaxDequeueCount"/> failed deliveries it moves to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed partial class QueueTriggerListener : BackgroundService
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly QueueFunction _function;
    private readonly HostSettings _host;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;

    public QueueTriggerListener(QueueFunction function, HostSettings host, StorageAccount storage, IServiceScopeFactory scopes, TimeProvider time, ILogger<QueueTriggerListener> logger)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(storage);
        _function = function;
        _host = host;
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _queue = storage.Queue(function.QueueName);
        _poison = storage.Queue(function.QueueName + "-poison");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var idleDelay = MinimumPollingInterval;
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // As the Functions host does: fetch more while fewer than newBatchThreshold messages are still running,
            // so that one slow message does not hold up the next batch.
            running.RemoveAll(t => t.IsCompleted);
            if (running.Count > _host.NewBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await _queue.ReceiveMessagesAsync(_host.BatchSize, _host.FunctionTimeout, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Azure.RequestFailedException exception)
            {
                LogPollFailed(_logger, exception, _function.QueueName);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Delay(idleDelay, stoppingToken);
                idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, _host.MaxPollingInterval.Ticks));
                continue;
            }

            idleDelay = MinimumPollingInterval;
            running.AddRange(messages.Select(m => ProcessAsync(m, stoppingToken)));
        }

        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        // A message that outlived its deliveries without an outcome (a crash mid-run) goes straight to poison.
        if (message.DequeueCount > _host.MaxDequeueCount)
        {
            await MoveToPoisonAsync(message, stoppingToken);
            return;
        }

        try
        {
            await using (var scope = _scopes.CreateAsyncScope())
            {
                await FunctionInvoker.InvokeAsync(scope.ServiceProvider, _function.Method, p => Bind(message, p, stoppingToken));
            }

            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the message reappears when its invisibility ends, as after a host shutdown.
        }
#pragma warning disable CA1031 // A function's failure must not stop the listener; it decides retry or poison.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFunctionFailed(_logger, exception, _function.Name, message.MessageId, message.DequeueCount);
            if (message.DequeueCount >= _host.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, CancellationToken.None);
            }
            else
            {
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _host.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        LogMovedToPoison(_logger, message.MessageId, _function.QueueName, message.DequeueCount);
    }

    private object? Bind(QueueMessage message, ParameterInfo parameter, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken)) return cancellationToken;
        if (parameter != _function.Trigger) throw FunctionInvoker.Unbindable(_function.Name, parameter);
        if (type == typeof(QueueMessage)) return message;
        if (type == typeof(string)) return message.Body.ToString();
        if (type == typeof(BinaryData)) return message.Body;
        if (type == typeof(byte[])) return message.Body.ToArray();
        return JsonSerializer.Deserialize(message.Body.ToMemory().Span, type, PayloadJson);
    }

    private async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed for message {MessageId} (delivery {DequeueCount})")]
    private static partial void LogFunctionFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} moved to {Queue}-poison after {DequeueCount} deliveries")]
    private static partial void LogMovedToPoison(ILogger logger, string messageId, string queue, long dequeueCount);
}
