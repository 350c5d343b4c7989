using System.Text.Json;
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
        string message = JsonSerializer.Serialize(new { FunctionId = "ProcessArticle", BlobType = "BlockBlob", ContainerName = "articles", BlobName = name, ETag = "\"0x1\"" });

        tableProxy.Cut();
        await handler.RecordAsync(message, CancellationToken.None); // does not throw: the message is put back
        Assert.Empty((await queue.ReceiveMessagesAsync(maxMessages: 5)).Value); // not visible before its delay

        var deadline = DateTime.UtcNow.AddSeconds(30);
        Azure.Storage.Queues.Models.QueueMessage? again = null;
        while (again is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the message was not put back on the poison queue");
            await Task.Delay(250);
            var received = (await queue.ReceiveMessagesAsync(maxMessages: 5)).Value;
            again = received.Length > 0 ? received[0] : null;
        }
        Assert.True(again.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), $"expires on {again.ExpiresOn}"); // never expires
        string body = again.Body.ToString();
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal(1, json.RootElement.GetProperty(PoisonMessages.AttemptsProperty).GetInt32());
            Assert.Equal(name, json.RootElement.GetProperty("BlobName").GetString());
        }

        tableProxy.Restore();
        await handler.RecordAsync(body, CancellationToken.None);
        var row = await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(name));
        Assert.NotNull(row);
        Assert.Equal(ArticleStatus.Failed, row.Status);
        Assert.True(row.Retriable);
        Assert.Contains("gave up", row.Error);
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
