using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pipeline.Extraction;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Results;

/// <summary>What was read from the blob whose results are being stored.</summary>
public sealed record BlobVersion(string ETag, DateTimeOffset LastModified, long Length, string ContentHash);

/// <summary>
/// Writes articles and their results so that a query never sees a mix of two versions.
/// </summary>
/// <remarks>
/// Results are written under a <em>generation</em> (a hash of the content and the extractor version) and become
/// visible in one step, when the article row's <see cref="ArticleRow.Generation"/> is switched to them; the
/// previous generation's rows are removed afterwards. Index rows hold one row per (entity, article) and
/// (speaker, article), each replaced whole. The same content processed twice writes the same rows, so repeated
/// triggers change nothing.
/// <para>
/// A deleted blob's article is removed in reverse (<see cref="RemoveAsync"/>): the article row is marked
/// <see cref="ArticleStatus.Deleting"/>, every result and index row goes, and the article row goes last, only if nobody
/// wrote it meanwhile. A processing run that meets the mark (or finds the row gone) undoes what it wrote itself, so a
/// deletion racing a processing run of the same article leaves nothing behind whichever finishes first.
/// </para>
/// </remarks>
public sealed class ArticleStore(PipelineTables tables, EntityCatalog catalog, CatalogVersion catalogVersion, ArticleBlobs blobs, TimeProvider time, ILogger<ArticleStore> logger)
{
    private const int MaxAttempts = 10;

    /// <summary>How long a new version waits for a deletion under way to finish before it takes the article over.</summary>
    private static readonly TimeSpan DeletionWait = TimeSpan.FromSeconds(30);
    private readonly GenerationRows generations = new(tables);
    private readonly IndexRows indexes = new(tables, catalog, catalogVersion);

    public async Task<ArticleRow?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await tables.Articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The generation that results of this content and extractor version are stored under.</summary>
    public static string GenerationOf(string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentHash + "|" + ArticleExtractor.Version)))[..16];

    /// <summary>
    /// Records that an attempt at this blob started. Current results stay visible meanwhile. A blob uploaded again while
    /// its deleted predecessor's results are being removed waits for that (seconds), so nothing it writes is removed.
    /// </summary>
    /// <param name="current">The article row as just read, to save reading it again; null to read it.</param>
    public async Task<ArticleRow?> BeginAsync(string id, string blobName, string blobETag, CancellationToken cancellationToken, ArticleRow? current = null)
    {
        var waitUntil = time.GetUtcNow() + DeletionWait;
        while (current is { Status: ArticleStatus.Deleting } && time.GetUtcNow() < waitUntil && current.UpdatedAt > time.GetUtcNow() - DeletionWait)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            current = await GetAsync(id, cancellationToken);
        }
        // Past the wait, the deletion is taken to have died: this version takes the article over, and its own run removes
        // what the deleted version left (rows of other generations, index rows it no longer holds).
        return await UpdateAsync(id, blobName, row =>
        {
            if (row.BlobETag != blobETag || row.Status is ArticleStatus.Succeeded or ArticleStatus.Pending)
            {
                // A new version of the blob (or a requested reprocess) starts its own count of attempts.
                row.Attempts = 0;
            }
            row.Status = ArticleStatus.Processing;
            row.BlobETag = blobETag;
            row.Attempts++;
            row.Error = null;
            row.Retriable = false;
            return true;
        }, cancellationToken, current);
    }

    /// <summary>
    /// Records a failure. <paramref name="retriable"/>: transient (the trigger gave up after its retries) rather than
    /// content that can never be processed. Results of an earlier version stay visible.
    /// </summary>
    public Task<ArticleRow?> FailAsync(string id, string blobName, string reason, CancellationToken cancellationToken, bool retriable = false) =>
        UpdateAsync(id, blobName, row =>
        {
            if (row.Status == ArticleStatus.Deleting)
            {
                return false; // Its blob is gone: the removal under way decides what remains.
            }
            row.Status = ArticleStatus.Failed;
            row.Error = TableLimits.Cut(reason, TableLimits.MaxListedTextChars);
            row.Retriable = retriable;
            return true;
        }, cancellationToken);

    /// <summary>Marks an article as waiting for the processing its blob was re-uploaded to trigger.</summary>
    public Task<ArticleRow?> MarkRedrivenAsync(string id, string blobName, CancellationToken cancellationToken) =>
        UpdateAsync(id, blobName, row =>
        {
            if (row.Status == ArticleStatus.Deleting)
            {
                return false;
            }
            row.Status = ArticleStatus.Pending;
            row.Attempts = 0;
            row.Error = null;
            row.Retriable = false;
            return true;
        }, cancellationToken);

    /// <summary>Stores the results of <paramref name="result"/> and makes them current.</summary>
    /// <param name="current">The article row as last written (by <see cref="BeginAsync"/>), to save reading it again.</param>
    public async Task SaveAsync(ExtractionResult result, BlobVersion blob, CancellationToken cancellationToken, ArticleRow? current = null)
    {
        var article = result.Article;
        string generation = GenerationOf(blob.ContentHash);
        var before = current ?? await GetAsync(article.Id, cancellationToken);
        if (before?.Generation != generation)
        {
            await blobs.WriteTextAsync(article.Id, generation, article.Text, cancellationToken);
            await generations.WriteAsync(result, generation, cancellationToken);
        }

        var switched = await UpdateAsync(article.Id, article.BlobName, row =>
        {
            if (row.Status == ArticleStatus.Deleting
                || (row.BlobLastModified > blob.LastModified && row.Generation is not null && row.Generation != generation))
            {
                // The blob was deleted, or a newer version was stored while we worked on this one: ours must not replace it.
                return false;
            }
            var m = article.Metadata;
            // The switch: from here queries read this generation. "succeeded" waits until the indexes are done too.
            row.Title = TableLimits.Cut(m.Title, TableLimits.MaxNameChars);
            row.Published = RowMapping.FormatPublished(m.Published);
            row.Section = TableLimits.CutOrNull(m.Section);
            row.Dateline = TableLimits.CutOrNull(m.Dateline);
            row.Source = TableLimits.CutOrNull(m.Source);
            row.Author = TableLimits.CutOrNull(m.Author);
            row.Status = ArticleStatus.Processing;
            row.Error = null;
            row.ContentHash = blob.ContentHash;
            row.BlobETag = blob.ETag;
            row.BlobLastModified = blob.LastModified;
            row.ContentLength = blob.Length;
            row.Retriable = false;
            row.ExtractorVersion = ArticleExtractor.Version;
            row.Generation = generation;
            row.EntityCount = result.Entities.Count;
            row.QuoteCount = result.Quotes.Count;
            row.SummaryJson = RowMapping.SerializeSummary(result.Summary);
            row.KeyPhrasesJson = RowMapping.SerializeKeyPhrases(result.KeyPhrases);
            row.ProcessedAt = time.GetUtcNow();
            return true;
        }, cancellationToken, before, createIfMissing: false);

        if (switched is null)
        {
            logger.LogInformation("Results of {ArticleId} were not made current: its blob was deleted or a newer version stored", article.Id);
            await DeleteGenerationAsync(article.Id, generation, cancellationToken);
            return;
        }

        // After the switch, and on every run: a retry after a crash here completes the index.
        await indexes.WriteAsync(result, generation, cancellationToken);
        await RemoveEarlierVersionsAsync(result, generation, cancellationToken);
        var finished = await UpdateAsync(article.Id, article.BlobName, row =>
        {
            if (row.Status == ArticleStatus.Deleting || row.Generation != generation)
            {
                return false; // Being removed, or a newer version took over meanwhile (its own run reports its status).
            }
            row.Status = ArticleStatus.Succeeded;
            return true;
        }, cancellationToken, switched, createIfMissing: false);
        if (finished is null && await GetAsync(article.Id, cancellationToken) is null or { Status: ArticleStatus.Deleting })
        {
            // The blob was deleted while we wrote: the deletion may have passed our partitions before we wrote to them.
            logger.LogInformation("{ArticleId} was deleted while its results were written; removing them", article.Id);
            await indexes.RemoveAllAsync(result, cancellationToken);
            await DeleteGenerationAsync(article.Id, generation, cancellationToken);
        }
    }

    /// <summary>
    /// Removes an article whose blob was deleted: its index rows (uncounting it from every entity), its result rows and
    /// stored texts of every generation, then its row, unless a new version of the blob took the article over meanwhile.
    /// True when it removed the article; false when there was none or a new version holds it.
    /// </summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await GetAsync(id, cancellationToken);
            if (existing is null || (existing.Status != ArticleStatus.Deleting && attempt > 0))
            {
                return false; // Removed already, or taken over by a version uploaded again since.
            }
            var marked = await UpdateAsync(id, existing.BlobName, row =>
            {
                row.Status = ArticleStatus.Deleting;
                return true;
            }, cancellationToken, existing, createIfMissing: false);
            if (marked is null)
            {
                return false;
            }
            var (entities, quotes) = await generations.ReadOthersAsync(id, null, cancellationToken);
            // Index rows first: the result rows are what tells a retried removal which index rows there are.
            await indexes.RemoveAllAsync(id, entities, quotes, cancellationToken);
            await GenerationRows.DeleteRowsAsync(tables.ArticleEntities, entities, cancellationToken);
            await GenerationRows.DeleteRowsAsync(tables.ArticleQuotes, quotes, cancellationToken);
            await blobs.DeleteOtherTextsAsync(id, null, cancellationToken);
            try
            {
                await tables.Articles.DeleteEntityAsync(id, ArticleRow.RowKeyValue, marked.ETag, cancellationToken);
                logger.LogInformation("Removed {ArticleId}: {EntityRows} entity and {QuoteRows} quote rows and their index rows", id, entities.Count, quotes.Count);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return true; // Another host's removal finished first.
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Written meanwhile: by a processing run (which undoes its own writes) or a new version. Look again.
            }
        }
        throw new InvalidOperationException($"Article '{id}' kept changing while being removed; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>Deletes the result rows and stored text of one generation that is not (or no longer) current.</summary>
    private async Task DeleteGenerationAsync(string id, string generation, CancellationToken cancellationToken)
    {
        await generations.DeleteAsync(id, generation, cancellationToken);
        await blobs.Texts.DeleteBlobIfExistsAsync(ArticleBlobs.TextBlobName(id, generation), cancellationToken: cancellationToken);
    }

    /// <summary>Removes rows of other generations, and index rows the current results no longer hold.</summary>
    private async Task RemoveEarlierVersionsAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        await blobs.DeleteOtherTextsAsync(result.Article.Id, generation, cancellationToken);
        var (entities, quotes) = await generations.ReadOthersAsync(result.Article.Id, generation, cancellationToken);
        if (entities.Count == 0 && quotes.Count == 0)
        {
            return;
        }
        // Index rows first: the other generations' rows are what tells a retried run which index rows to remove.
        await indexes.RemoveGoneAsync(result, generation, entities, quotes, cancellationToken);
        await GenerationRows.DeleteRowsAsync(tables.ArticleEntities, entities, cancellationToken);
        await GenerationRows.DeleteRowsAsync(tables.ArticleQuotes, quotes, cancellationToken);
        logger.LogInformation("Removed {EntityRows} entity and {QuoteRows} quote rows of earlier versions of {ArticleId}",
            entities.Count, quotes.Count, result.Article.Id);
    }

    /// <summary>
    /// Read-modify-write of the article row with optimistic concurrency; <paramref name="change"/> returns false to
    /// leave it. A <paramref name="known"/> row (with its ETag) saves the first read; a conflict reads it afresh. A missing
    /// row is created unless <paramref name="createIfMissing"/> is false (then null is returned).
    /// </summary>
    private async Task<ArticleRow?> UpdateAsync(string id, string blobName, Func<ArticleRow, bool> change, CancellationToken cancellationToken,
        ArticleRow? known = null, bool createIfMissing = true)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = attempt == 0 && known is not null ? known : await GetAsync(id, cancellationToken);
            var now = time.GetUtcNow();
            try
            {
                if (row is null)
                {
                    if (!createIfMissing)
                    {
                        return null;
                    }
                    row = new ArticleRow { PartitionKey = id, BlobName = blobName, CreatedAt = now, UpdatedAt = now };
                    if (!change(row))
                    {
                        return null;
                    }
                    row.ETag = (await tables.Articles.AddEntityAsync(row, cancellationToken)).Headers.ETag ?? default;
                }
                else
                {
                    row.BlobName = blobName;
                    if (!change(row))
                    {
                        return null;
                    }
                    row.UpdatedAt = now;
                    row.ETag = (await tables.Articles.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default;
                }
                return row;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another host changed (or removed) the row between our read and write: read it again.
            }
        }
        throw new InvalidOperationException($"Article '{id}' kept changing under us; gave up after {MaxAttempts} attempts.");
    }
}
