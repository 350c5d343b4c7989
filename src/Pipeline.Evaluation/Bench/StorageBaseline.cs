using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Articles.Formats;
using Pipeline.Evaluation.Hosting;
using Pipeline.Extraction;
using Pipeline.Results;
using Pipeline.Storage;

namespace Pipeline.Evaluation.Bench;

/// <summary>
/// The storage limit of this machine: on a fresh Azurite, the same blob reads and the same table writes the pipeline
/// makes for each article (status, result rows in the same batches, indexes, text), at the trigger's concurrency,
/// with the extraction done beforehand and no trigger.
/// </summary>
public static class StorageBaseline
{
    /// <summary>Articles processed at once, as one local host's blob trigger does (its queue batch of 16).</summary>
    public const int Concurrency = 16;

    /// <param name="separateServices">Azurite as one process per service, as in the pipeline's run beside it.</param>
    public static async Task<EndToEndResult> RunAsync(BenchCorpus corpus, ArticleExtractor extractor, bool separateServices, CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteServer(separateServices: separateServices);
        await azurite.StartAsync();
        await using var services = BenchServices.For(azurite.ConnectionString);
        var blobs = services.GetRequiredService<ArticleBlobs>();
        var store = services.GetRequiredService<ArticleStore>();
        await blobs.EnsureContainerAsync(cancellationToken);
        int n = corpus.Articles.Count;
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            await blobs.Container.GetBlobClient(EndToEndRun.BlobName(i)).UploadAsync(BinaryData.FromString(corpus.Articles[i]), overwrite: true, ct));

        var results = new ExtractionResult[n];
        Parallel.For(0, n, i =>
        {
            string name = EndToEndRun.BlobName(i);
            results[i] = extractor.Extract(ArticleReader.Read(ArticleId.FromBlobName(name), name, System.Text.Encoding.UTF8.GetBytes(corpus.Articles[i])));
        });

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var blob = blobs.Container.GetBlobClient(EndToEndRun.BlobName(i));
            var properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
            string id = results[i].Article.Id;
            var existing = await store.GetAsync(id, ct);
            string etag = ArticleBlobs.NormalizeETag(properties.ETag);
            var begun = await store.BeginAsync(id, blob.Name, etag, ct, existing);
            var content = (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, ct)).Value.Content.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            await store.SaveAsync(results[i], new BlobVersion(etag, properties.LastModified, properties.ContentLength, hash), ct, begun);
        });
        return new EndToEndResult(n, n, watch.Elapsed.TotalSeconds, new Latency(0, 0, 0, 0, 0), 0);
    }
}
