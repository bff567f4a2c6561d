using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace InterviewScheduler.DevHost.Tests;

// Functions that exist only in this test assembly: the DevHost must find and run them like the app's own.

public sealed record ProbeMessage(string Text);

public sealed class EchoQueueFunction(TriggerProbe probe)
{
    [Function(nameof(EchoQueueFunction))]
    public Task Run([QueueTrigger("%Test:EchoQueue%")] ProbeMessage message, CancellationToken cancellationToken)
    {
        probe.Saw("echo:" + message.Text);
        return Task.CompletedTask;
    }
}

public sealed class FailingQueueFunction(TriggerProbe probe)
{
    [Function(nameof(FailingQueueFunction))]
    public void Run([QueueTrigger("%Test:FailingQueue%")] QueueMessage message)
    {
        probe.Attempts.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
        throw new InvalidOperationException("this function always fails");
    }
}

public sealed class EverySecondTimerFunction(TriggerProbe probe)
{
    [Function(nameof(EverySecondTimerFunction))]
    public void Run([TimerTrigger("%Test:Schedule%")] TimerInfo timer) =>
        probe.Saw($"tick:{timer.ScheduleStatus?.Next:O}");
}
