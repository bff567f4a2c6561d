using System.Text;
using Azure.Storage.Queues;

namespace InterviewScheduler.LoadTests.Flow;

/// <summary>A message found in a <c>*-poison</c> queue, its text decoded.</summary>
internal sealed record PoisonMessage(string Queue, string Text);

/// <summary>Reads every <c>*-poison</c> queue of the suite's own Azurite (the DevHost moves a message there after its last failed delivery).</summary>
internal static class PoisonQueues
{
    public static async Task<IReadOnlyList<PoisonMessage>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var service = new QueueServiceClient(connectionString);
        var found = new List<PoisonMessage>();
        await foreach (var queue in service.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            if (!queue.Name.EndsWith("-poison", StringComparison.Ordinal)) continue;
            var client = service.GetQueueClient(queue.Name);
            // Peek shows at most 32; the count says whether there are more.
            var count = (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var peeked = (await client.PeekMessagesAsync(32, cancellationToken)).Value;
            found.AddRange(peeked.Select(m => new PoisonMessage(queue.Name, Decode(m.Body.ToString()))));
            for (var i = peeked.Length; i < count; i++) found.Add(new PoisonMessage(queue.Name, "(not peeked: more than 32 in the queue)"));
        }

        return found;
    }

    /// <summary>The app writes its queues Base64-encoded; anything else is shown as it is.</summary>
    private static string Decode(string body)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException)
        {
            return body;
        }
    }
}
