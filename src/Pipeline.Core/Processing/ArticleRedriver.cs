using Azure.Data.Tables;
using Pipeline.Extraction;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Processing;

/// <summary>Which articles to process again.</summary>
public enum RedriveSelection
{
    /// <summary>Every failed article (content failures fail again unless the file or the extractor changed).</summary>
    Failed,
    /// <summary>Articles the blob trigger gave up on after transient errors.</summary>
    Poisoned,
    /// <summary>Articles processed by an older extractor version.</summary>
    Outdated,
    All,
}

public sealed record RedriveReport(int Selected, int Redriven, IReadOnlyList<(string Id, string Error)> Errors);

/// <summary>
/// Sends articles through the pipeline again by re-uploading their blobs unchanged: the new ETag fires the trigger
/// (container scan locally, Event Grid in Azure), and the article is marked pending until it is processed.
/// </summary>
public sealed class ArticleRedriver(ArticleBlobs blobs, PipelineTables tables, ArticleStore store)
{
    public async Task<RedriveReport> RedriveAsync(RedriveSelection selection, bool dryRun, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var selected = new List<ArticleRow>();
        await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(
            select: ["PartitionKey", "RowKey", "BlobName", "Status", "Retriable", "ExtractorVersion"], cancellationToken: cancellationToken))
        {
            bool wanted = selection switch
            {
                RedriveSelection.Failed => row.Status == ArticleStatus.Failed,
                RedriveSelection.Poisoned => row.Status == ArticleStatus.Failed && row.Retriable,
                RedriveSelection.Outdated => row.Status == ArticleStatus.Succeeded && row.ExtractorVersion != ArticleExtractor.Version,
                _ => true,
            };
            if (wanted)
            {
                selected.Add(row);
            }
        }
        if (dryRun)
        {
            return new RedriveReport(selected.Count, 0, []);
        }

        var errors = new List<(string, string)>();
        int redriven = 0;
        await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            // Pending first: the trigger may finish before a later status write would land.
            await store.MarkRedrivenAsync(row.PartitionKey, row.BlobName, ct);
            var error = await blobs.ReuploadAsync(row.BlobName, ct);
            if (error is null)
            {
                Interlocked.Increment(ref redriven);
                return;
            }
            await store.FailAsync(row.PartitionKey, row.BlobName, "Re-drive failed: " + error, ct);
            lock (errors)
            {
                errors.Add((row.PartitionKey, error));
            }
        });
        return new RedriveReport(selected.Count, redriven, errors);
    }
}
