using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Evaluation.Hosting;
using Pipeline.Processing;
using Pipeline.Storage;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// A blob deleted while its article is being processed: whichever of the processing run and the removal finishes
/// first, nothing of the article is left and every count is exact, without waiting for a reconciliation sweep.
/// </summary>
public sealed class DeletionRaceTests : OwnAzurite
{
    private ServiceProvider services = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        services = StoredResults.Services(Azurite.ConnectionString);
        await services.GetRequiredService<ArticleBlobs>().EnsureContainerAsync(CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The delete lands 0 to 380 ms into the run: before it reads the blob, while it writes, after it is done.</summary>
    public static TheoryData<bool> Kinds => new() { false, true };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_deletion_racing_a_processing_run_of_the_same_article_leaves_nothing_behind(bool reprocessing)
    {
        var processor = services.GetRequiredService<IArticleProcessor>();
        var deletions = services.GetRequiredService<IArticleDeletions>();
        var container = services.GetRequiredService<ArticleBlobs>().Container;
        var left = new List<string>();
        for (int round = 0; round < 20; round++)
        {
            string name = $"race/{(reprocessing ? "again" : "first")}-{round}.txt";
            var blob = container.GetBlobClient(name);
            if (reprocessing)
            {
                // Processed once; a changed version is being processed when the blob is deleted.
                await blob.UploadAsync(Bytes(round + 100), overwrite: true);
                await processor.ProcessAsync(blob, CancellationToken.None);
            }
            await blob.UploadAsync(Bytes(round), overwrite: true);

            var processing = Task.Run(() => processor.ProcessAsync(blob, CancellationToken.None));
            await Task.Delay(round * 20);
            await container.DeleteBlobAsync(name);
            var removal = deletions.RemoveIfGoneAsync(name, CancellationToken.None);
            await Task.WhenAll(processing, removal);

            if (await StoredResults.LeftOfAsync(services, ArticleId.FromBlobName(name)) is { Length: > 0 } what)
            {
                left.Add($"round {round} ({await processing}): {what}");
            }
        }
        Assert.True(left.Count == 0, string.Join("\n", left));
        var errors = await StoredResults.CatalogErrorsAsync(services);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static BinaryData Bytes(int variant) => new(Encoding.UTF8.GetBytes(SeedVariants.Text(variant)));
}
