using System.Text;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Evaluation.Hosting;
using Pipeline.LocalHost;
using Pipeline.Processing;
using Pipeline.Storage;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// The path deletions take in Azure, short of Event Grid itself: a <c>BlobDeleted</c> event in the deletions queue is
/// read by the queue-triggered function, which finds the blob named in it and removes its article.
/// </summary>
public sealed class DeletionEventTests : OwnAzurite
{
    /// <summary>An event as Event Grid delivers it to a Storage queue: one event, Event Grid schema.</summary>
    private static string BlobDeleted(string container, string blobName) => $$"""
        {"topic":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/news/providers/Microsoft.Storage/storageAccounts/stnews",
         "subject":"/blobServices/default/containers/{{container}}/blobs/{{blobName}}",
         "eventType":"Microsoft.Storage.BlobDeleted","id":"{{Guid.NewGuid()}}",
         "data":{"api":"DeleteBlob","requestId":"r","contentType":"text/plain","blobType":"BlockBlob",
                 "url":"https://stnews.blob.core.windows.net/{{container}}/{{Uri.EscapeDataString(blobName)}}","sequencer":"1"},
         "dataVersion":"","metadataVersion":"1","eventTime":"2026-12-06T10:00:00Z"}
        """;

    [Fact]
    public async Task A_message_in_the_deletions_queue_reaches_the_function_on_the_local_host()
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = LocalFunctionsHost.Create(
            ["--settings", Path.Combine(Path.GetTempPath(), "no-local-settings.json"), "--urls", "http://127.0.0.1:0",
             "--AzureWebJobsStorage", Azurite.ConnectionString, "--Logging:LogLevel:Default", "Warning"],
            builder => builder.Services.AddSingleton<IArticleDeletions>(new Recording(seen)));
        await app.StartAsync();
        try
        {
            // Base64, as Event Grid writes to Storage queues and the queue trigger expects.
            var queue = new QueueClient(Azurite.ConnectionString, ArticleDeletions.Queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            await queue.CreateIfNotExistsAsync();
            string message = BlobDeleted("articles", "world/news 1.txt");
            await queue.SendMessageAsync(message);

            Assert.Equal(message, await seen.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await LocalFunctionsHost.StopAsync(app);
        }
    }

    [Fact]
    public async Task The_event_removes_the_article_of_the_deleted_blob_and_nothing_when_the_blob_is_back()
    {
        await using var services = StoredResults.Services(Azurite.ConnectionString);
        var blobs = services.GetRequiredService<ArticleBlobs>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        const string gone = "world/news 1.txt", back = "world/news 2.txt";
        foreach (var name in new[] { gone, back })
        {
            var blob = blobs.Container.GetBlobClient(name);
            await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(name.Length))), overwrite: true);
            await services.GetRequiredService<IArticleProcessor>().ProcessAsync(blob, CancellationToken.None);
        }
        await blobs.Container.DeleteBlobAsync(gone);
        var deletions = services.GetRequiredService<IArticleDeletions>();

        await deletions.HandleEventAsync(BlobDeleted("articles", gone), CancellationToken.None);
        await deletions.HandleEventAsync(BlobDeleted("articles", back), CancellationToken.None); // a stale event: the blob exists

        Assert.Equal("", await StoredResults.LeftOfAsync(services, ArticleId.FromBlobName(gone)));
        Assert.NotNull(await StoredResults.ArticleAsync(services.GetRequiredService<PipelineTables>(), ArticleId.FromBlobName(back)));
    }

    [Fact]
    public void Events_are_read_in_every_form_they_may_arrive_in()
    {
        string one = BlobDeleted("articles", "world/news 1.txt");
        (string, string)[] expected = [("articles", "world/news 1.txt")];
        Assert.Equal(expected, ArticleDeletions.DeletedBlobs(one));
        Assert.Equal(expected, ArticleDeletions.DeletedBlobs(Convert.ToBase64String(Encoding.UTF8.GetBytes(one))));
        Assert.Equal(expected, ArticleDeletions.DeletedBlobs("[" + one + "]"));
        Assert.Equal(expected, ArticleDeletions.DeletedBlobs(
            """{"specversion":"1.0","type":"Microsoft.Storage.BlobDeleted","source":"x","id":"1","subject":"/blobServices/default/containers/articles/blobs/world/news 1.txt"}"""));
        Assert.Empty(ArticleDeletions.DeletedBlobs(one.Replace("BlobDeleted", "BlobCreated"))!);
        Assert.Null(ArticleDeletions.DeletedBlobs("not an event"));
    }

    private sealed class Recording(TaskCompletionSource<string> seen) : IArticleDeletions
    {
        public Task<bool> RemoveIfGoneAsync(string blobName, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task HandleEventAsync(string message, CancellationToken cancellationToken)
        {
            seen.TrySetResult(message);
            return Task.CompletedTask;
        }
    }
}
