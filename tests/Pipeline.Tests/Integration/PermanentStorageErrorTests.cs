using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Evaluation.Hosting;
using Pipeline.Processing;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// What the blob trigger's call does when Table storage refuses the results: a refusal that every attempt would meet
/// fails the article at once with storage's own reason; a transient answer is left to the trigger's retries. Azurite is
/// real; only the answer to the results' batches is canned (<see cref="FaultyTransport"/>).
/// </summary>
public sealed class PermanentStorageErrorTests : OwnAzurite
{
    [Fact]
    public async Task A_write_storage_refuses_as_it_stands_fails_the_article_at_once_with_the_reason()
    {
        var transport = new FaultyTransport(FaultyTransport.IsBatch, 400, "EntityTooLarge", "The entity is larger than the maximum allowed size (1MB).");
        await using var services = ServicesWith(transport);
        var (blob, id) = await UploadAsync(services, "refused/article.txt");

        var outcome = await services.GetRequiredService<IArticleProcessor>().ProcessAsync(blob, CancellationToken.None);

        Assert.Equal(ProcessingOutcome.Failed, outcome);
        Assert.True(transport.Failed > 0);
        var row = await StoredResults.ArticleAsync(services.GetRequiredService<PipelineTables>(), id);
        Assert.Equal(ArticleStatus.Failed, row!.Status);
        Assert.Contains("400 EntityTooLarge: The entity is larger than the maximum allowed size (1MB).", row.Error);
        Assert.DoesNotContain("transient", row.Error);
        Assert.False(row.Retriable);
        Assert.Equal(1, row.Attempts);
    }

    [Theory]
    [InlineData(503, "ServerBusy")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(408, "OperationTimedOut")]
    public async Task A_transient_answer_is_left_to_the_triggers_retries(int status, string code)
    {
        var transport = new FaultyTransport(FaultyTransport.IsBatch, status, code, "Try again later.");
        await using var services = ServicesWith(transport);
        var (blob, id) = await UploadAsync(services, $"transient/{status}.txt");

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IArticleProcessor>().ProcessAsync(blob, CancellationToken.None));

        var row = await StoredResults.ArticleAsync(services.GetRequiredService<PipelineTables>(), id);
        Assert.Equal(ArticleStatus.Processing, row!.Status);
    }

    /// <summary>The pipeline's services on the test's Azurite, with Table storage's transport replaced and no client retries.</summary>
    private ServiceProvider ServicesWith(FaultyTransport transport)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddPipeline(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = Azurite.ConnectionString }).Build());
        var tables = new TableClientOptions { Transport = transport };
        tables.Retry.MaxRetries = 0;
        services.AddSingleton(new StorageClients(
            new BlobServiceClient(Azurite.ConnectionString),
            new TableServiceClient(Azurite.ConnectionString, tables),
            new QueueServiceClient(Azurite.ConnectionString)));
        return services.BuildServiceProvider();
    }

    private static async Task<(BlobClient Blob, string Id)> UploadAsync(ServiceProvider services, string name)
    {
        var blobs = services.GetRequiredService<ArticleBlobs>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        var blob = blobs.Container.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(3))), overwrite: true);
        return (blob, ArticleId.FromBlobName(name));
    }
}
