using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Evaluation.Hosting;
using Pipeline.Recovery;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// A poison message whose article cannot be recorded while Table storage is down is put back with a delay, so that it is
/// recorded soon after storage answers again, rather than failing the function (which would hold it for ten minutes).
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class PoisonRecordTests
{
    [Fact]
    public async Task A_poison_message_that_cannot_be_recorded_is_put_back_and_recorded_once_tables_answer()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        await using var tableProxy = new OutageProxy(azurite.TablePort);
        await using var services = StoredResults.Services(AzuriteServer.ConnectionStringFor(azurite.BlobPort, azurite.QueuePort, tableProxy.Port),
            ("Pipeline:StorageRetries", "0"), ("Recovery:PoisonRecordDelay", "00:00:02"));
        var queue = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(PoisonMessages.Queue);
        await queue.CreateIfNotExistsAsync();
        var tables = services.GetRequiredService<PipelineTables>();
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var handler = services.GetRequiredService<IPoisonMessageHandler>();
        const string name = "poison/put-back.txt";
        string message = JsonSerializer.Serialize(new { FunctionId = "ProcessArticle", BlobType = "BlockBlob", ContainerName = PipelineOptions.ArticlesContainer, BlobName = name, ETag = "\"0x1\"" });

        tableProxy.Cut();
        await handler.RecordAsync(message, CancellationToken.None); // does not throw: the message is put back
        Assert.Empty((await queue.ReceiveMessagesAsync(maxMessages: 5)).Value); // not visible before its delay
        var again = await ReceiveAsync(queue);
        Assert.True(again.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), $"expires on {again.ExpiresOn}"); // never expires
        Assert.Equal(1, Attempts(again.Body.ToString(), name));

        // Still down: put back once more, the count read from the message and raised.
        await handler.RecordAsync(again.Body.ToString(), CancellationToken.None);
        await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt);
        string body = (await ReceiveAsync(queue)).Body.ToString();
        Assert.Equal(2, Attempts(body, name));

        tableProxy.Restore();
        await handler.RecordAsync(body, CancellationToken.None);
        var row = await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(name));
        Assert.NotNull(row);
        Assert.Equal(ArticleStatus.Failed, row.Status);
        Assert.True(row.Retriable);
        Assert.Contains("gave up", row.Error);
    }

    private static async Task<QueueMessage> ReceiveAsync(QueueClient queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, "the message was not put back on the poison queue");
            var received = (await queue.ReceiveMessagesAsync(maxMessages: 5)).Value;
            if (received.Length > 0)
            {
                Assert.Single(received);
                return received[0];
            }
            await Task.Delay(250);
        }
    }

    private static int Attempts(string body, string blobName)
    {
        using var json = JsonDocument.Parse(body);
        Assert.Equal(blobName, json.RootElement.GetProperty("BlobName").GetString());
        return json.RootElement.GetProperty(PoisonMessages.AttemptsProperty).GetInt32();
    }

    [Fact]
    public void The_delay_doubles_with_each_failed_attempt_up_to_the_queue_triggers_lease()
    {
        var first = TimeSpan.FromSeconds(15);
        Assert.Equal(first, PoisonMessages.Delay(first, 1));
        Assert.Equal(TimeSpan.FromSeconds(30), PoisonMessages.Delay(first, 2));
        Assert.Equal(TimeSpan.FromSeconds(120), PoisonMessages.Delay(first, 4));
        Assert.Equal(PoisonMessages.LongestDelay, PoisonMessages.Delay(first, 7));
        Assert.Equal(PoisonMessages.LongestDelay, PoisonMessages.Delay(first, 1_000));
    }
}
