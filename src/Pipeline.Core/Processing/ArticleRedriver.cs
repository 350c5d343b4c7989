using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Articles;
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
    /// <summary>
    /// Blobs whose current version has had no final status for <see cref="PipelineOptions.StuckAfter"/>: never
    /// triggered, left behind by a host that died or by a poison message that could not be recorded, or given up
    /// on after transient errors.
    /// </summary>
    Stuck,
    All,
}

public sealed record RedriveReport(int Selected, int Redriven, IReadOnlyList<(string Id, string Error)> Errors);

/// <summary>
/// Sends articles through the pipeline again by re-uploading their blobs unchanged: the new ETag fires the trigger
/// (container scan locally, Event Grid in Azure), and the article is marked pending until it is processed.
/// </summary>
public sealed class ArticleRedriver(ArticleBlobs blobs, PipelineTables tables, ArticleStore store, IOptions<PipelineOptions> options, TimeProvider time)
    : IArticleReconciler
{
    /// <summary>The reconciliation sweep: re-drives stuck articles.</summary>
    public Task<RedriveReport> ReconcileAsync(CancellationToken cancellationToken) =>
        RedriveAsync(RedriveSelection.Stuck, dryRun: false, cancellationToken);

    public async Task<RedriveReport> RedriveAsync(RedriveSelection selection, bool dryRun, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var selected = selection == RedriveSelection.Stuck
            ? await FindStuckAsync(cancellationToken)
            : await SelectByStatusAsync(selection, cancellationToken);
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

    private async Task<List<ArticleRow>> SelectByStatusAsync(RedriveSelection selection, CancellationToken cancellationToken)
    {
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
        return selected;
    }

    /// <summary>Blobs whose current version has neither succeeded nor failed, and has not moved for a while.</summary>
    private async Task<List<ArticleRow>> FindStuckAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, ArticleRow>(StringComparer.Ordinal);
        await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(
            select: ["PartitionKey", "RowKey", "BlobName", "Status", "Retriable", "BlobETag", "UpdatedAt"], cancellationToken: cancellationToken))
        {
            rows[row.PartitionKey] = row;
        }
        var cutoff = time.GetUtcNow() - options.Value.StuckAfter;
        var stuck = new List<ArticleRow>();
        await foreach (var blob in blobs.Container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            string id = ArticleId.FromBlobName(blob.Name);
            string etag = ArticleBlobs.NormalizeETag(blob.Properties.ETag);
            rows.TryGetValue(id, out var row);
            bool current = row is not null && row.BlobETag == etag;
            // A give-up after transient errors is not final: the sweep tries it again, at most once per StuckAfter.
            bool final = current && (row!.Status == ArticleStatus.Succeeded || (row.Status == ArticleStatus.Failed && !row.Retriable));
            var since = current ? row!.UpdatedAt : blob.Properties.LastModified ?? DateTimeOffset.MinValue;
            if (!final && since < cutoff)
            {
                stuck.Add(row ?? new ArticleRow { PartitionKey = id, BlobName = blob.Name });
            }
        }
        return stuck;
    }
}

/// <summary>The reconciliation sweep the timer function runs.</summary>
public interface IArticleReconciler
{
    Task<RedriveReport> ReconcileAsync(CancellationToken cancellationToken);
}
