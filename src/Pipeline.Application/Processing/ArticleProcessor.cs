using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Articles;
using Pipeline.Articles.Formats;
using Pipeline.Extraction;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Processing;

/// <summary>What happened to an article blob.</summary>
public enum ProcessingOutcome
{
    /// <summary>Results stored and current.</summary>
    Succeeded,
    /// <summary>The content can never be processed; recorded as failed with its reason.</summary>
    Failed,
    /// <summary>This exact blob version was already processed by this extractor version.</summary>
    Unchanged,
    /// <summary>The blob changed while we read it (its newer version triggers on its own), or was deleted (its article removed).</summary>
    Superseded,
}

/// <summary>Processes one article blob; what the blob trigger calls.</summary>
public interface IArticleProcessor
{
    Task<ProcessingOutcome> ProcessAsync(BlobClient blob, CancellationToken cancellationToken);
}

/// <summary>
/// Processes one uploaded article: reads the blob (refusing oversized ones before reading), decodes, parses,
/// extracts and stores. Content problems, and writes storage refuses as they stand (<see cref="StorageErrors.IsPermanent"/>),
/// are recorded as <c>failed</c> at once with their reason; transient storage errors propagate so the trigger retries them.
/// </summary>
public sealed class ArticleProcessor(ArticleStore store, ArticleExtractor extractor, PipelineTables tables, IOptions<PipelineOptions> options, ILogger<ArticleProcessor> logger) : IArticleProcessor
{
    public async Task<ProcessingOutcome> ProcessAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessBlobAsync(blob, cancellationToken);
        }
        catch (RequestFailedException e) when (PipelineTables.IsTableMissing(e))
        {
            // A table vanished (deleted, or storage lost it): the trigger's next attempt creates it again.
            tables.Invalidate();
            throw;
        }
        catch (Exception e) when (StorageErrors.IsPermanent(e) && !cancellationToken.IsCancellationRequested)
        {
            // Every attempt would meet the same answer: say so now, rather than retry five times and report an outage.
            logger.LogError(e, "Storage refused the results of {BlobName}", blob.Name);
            return await FailAsync(ArticleId.FromBlobName(blob.Name), blob.Name,
                $"Storage refused to store the results ({StorageErrors.Describe(e)}); the same file would fail the same way on every attempt.",
                cancellationToken);
        }
    }

    private async Task<ProcessingOutcome> ProcessBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        string name = blob.Name;
        string id = ArticleId.FromBlobName(name);

        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogInformation("Blob {BlobName} was deleted before it could be processed", name);
            await store.RemoveAsync(id, cancellationToken);
            return ProcessingOutcome.Superseded;
        }

        string etag = ArticleBlobs.NormalizeETag(properties.ETag);
        var existing = await store.GetAsync(id, cancellationToken);
        if (existing is { Status: ArticleStatus.Succeeded } && existing.BlobETag == etag && existing.ExtractorVersion == ArticleExtractor.Version)
        {
            logger.LogInformation("Article {ArticleId} is already processed at this version", id);
            return ProcessingOutcome.Unchanged;
        }

        var begun = await store.BeginAsync(id, name, etag, cancellationToken, existing);
        long limit = options.Value.MaxArticleBytes;
        if (properties.ContentLength > limit)
        {
            return await FailAsync(id, name, $"The file is {properties.ContentLength:N0} bytes; the limit is {limit:N0} bytes (Pipeline:MaxArticleBytes).", cancellationToken);
        }

        byte[] content;
        try
        {
            var download = await blob.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellationToken);
            content = download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // A conditional read of a deleted blob fails its condition (412) as often as it finds nothing (404).
            if (await blob.ExistsAsync(cancellationToken))
            {
                logger.LogInformation("Blob {BlobName} changed while being read; its new version is processed separately", name);
            }
            else
            {
                logger.LogInformation("Blob {BlobName} was deleted while being read", name);
                await store.RemoveAsync(id, cancellationToken);
            }
            return ProcessingOutcome.Superseded;
        }

        var started = TimeProvider.System.GetTimestamp();
        ExtractionResult result;
        try
        {
            result = extractor.Extract(ArticleReader.Read(id, name, content));
        }
        catch (ArticleRejectedException e)
        {
            return await FailAsync(id, name, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Extraction is deterministic: retrying the same bytes would fail the same way, so record it instead.
            logger.LogError(e, "Extraction of {ArticleId} failed", id);
            return await FailAsync(id, name, $"Extraction failed: {e.GetType().Name}: {e.Message}", cancellationToken);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        await store.SaveAsync(result, new BlobVersion(etag, properties.LastModified, properties.ContentLength, hash), cancellationToken, begun);
        logger.LogInformation("Processed {ArticleId}: {Entities} entities, {Quotes} quotes in {ElapsedMs} ms",
            id, result.Entities.Count, result.Quotes.Count, (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return ProcessingOutcome.Succeeded;
    }

    private async Task<ProcessingOutcome> FailAsync(string id, string name, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Article {ArticleId} failed: {Reason}", id, reason);
        await store.FailAsync(id, name, reason, cancellationToken);
        return ProcessingOutcome.Failed;
    }
}
