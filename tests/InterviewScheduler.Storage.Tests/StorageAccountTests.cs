using System.Text;
using Azure.Data.Tables;
using InterviewScheduler.Testing;

namespace InterviewScheduler.Storage.Tests;

public sealed class StorageAccountTests
{
    [Fact]
    public async Task Queue_messages_are_written_base64_encoded_as_queue_triggers_expect()
    {
        var account = await TestStorage.AccountAsync();
        var name = TestStorage.UniqueName("encoding");
        var queue = account.Queue(name);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("{\"applicationId\":\"a1\"}");

        // Read the raw wire text with a client that does no decoding: it must be the Base64 of the JSON.
        var raw = new Azure.Storage.Queues.QueueClient(await TestStorage.ConnectionStringAsync(), name);
        var wire = (await raw.PeekMessagesAsync()).Value.Single().Body.ToString();
        Assert.Equal("{\"applicationId\":\"a1\"}", Encoding.UTF8.GetString(Convert.FromBase64String(wire)));
        Assert.Equal("{\"applicationId\":\"a1\"}", (await queue.PeekMessagesAsync()).Value.Single().Body.ToString());
    }

    [Fact]
    public async Task Tables_round_trip_an_entity_in_azurite()
    {
        var account = await TestStorage.AccountAsync();
        var table = account.Table(TestStorage.UniqueName("roundtrip"));
        await table.CreateIfNotExistsAsync();
        var receivedAt = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

        await table.AddEntityAsync(new TableEntity("application-1", "application") { ["ReceivedAt"] = receivedAt });

        var stored = (await table.GetEntityAsync<TableEntity>("application-1", "application")).Value;
        Assert.Equal(receivedAt, stored.GetDateTimeOffset("ReceivedAt"));
    }
}
