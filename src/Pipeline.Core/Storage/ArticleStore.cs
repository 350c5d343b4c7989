using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Pipeline.Entities;
using Pipeline.Extraction;
using Pipeline.Queries;
using Pipeline.Storage.Rows;

namespace Pipeline.Storage;

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
/// </remarks>
public sealed class ArticleStore(PipelineTables tables, EntityCatalog catalog, TimeProvider time, ILogger<ArticleStore> logger)
{
    private const int MaxAttempts = 10;
    private const int IndexParallelism = 8;

    public async Task<ArticleRow?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = await tables.Articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The generation that results of this content and extractor version are stored under.</summary>
    public static string GenerationOf(string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentHash + "|" + ArticleExtractor.Version)))[..16];

    /// <summary>Records that an attempt at this blob started. Current results stay visible meanwhile.</summary>
    public Task<ArticleRow?> BeginAsync(string id, string blobName, string blobETag, CancellationToken cancellationToken) =>
        UpdateAsync(id, blobName, row =>
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
        }, cancellationToken);

    /// <summary>
    /// Records a failure. <paramref name="retriable"/>: transient (the trigger gave up after its retries) rather than
    /// content that can never be processed. Results of an earlier version stay visible.
    /// </summary>
    public Task<ArticleRow?> FailAsync(string id, string blobName, string reason, CancellationToken cancellationToken, bool retriable = false) =>
        UpdateAsync(id, blobName, row =>
        {
            row.Status = ArticleStatus.Failed;
            row.Error = TableLimits.Cut(reason, 2_000);
            row.Retriable = retriable;
            return true;
        }, cancellationToken);

    /// <summary>Marks an article as waiting for the processing its blob was re-uploaded to trigger.</summary>
    public Task<ArticleRow?> MarkRedrivenAsync(string id, string blobName, CancellationToken cancellationToken) =>
        UpdateAsync(id, blobName, row =>
        {
            row.Status = ArticleStatus.Pending;
            row.Attempts = 0;
            row.Error = null;
            row.Retriable = false;
            return true;
        }, cancellationToken);

    /// <summary>Stores the results of <paramref name="result"/> and makes them current.</summary>
    public async Task SaveAsync(ExtractionResult result, BlobVersion blob, CancellationToken cancellationToken)
    {
        var article = result.Article;
        string generation = GenerationOf(blob.ContentHash);
        var before = await GetAsync(article.Id, cancellationToken);
        if (before?.Generation != generation)
        {
            await WriteArticleRowsAsync(result, generation, cancellationToken);
        }

        bool current = true;
        await UpdateAsync(article.Id, article.BlobName, row =>
        {
            if (row.BlobLastModified > blob.LastModified && row.Generation is not null && row.Generation != generation)
            {
                // A newer version of the blob was stored while we worked on this one: ours must not replace it.
                current = false;
                return false;
            }
            var m = article.Metadata;
            // The switch: from here queries read this generation. "succeeded" waits until the indexes are done too.
            row.Title = TableLimits.Cut(m.Title, 1_000);
            row.Published = RowMapping.FormatPublished(m.Published);
            row.Section = m.Section;
            row.Dateline = m.Dateline;
            row.Source = m.Source;
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
        }, cancellationToken);

        if (current)
        {
            // After the switch, and on every run: a retry after a crash here completes the index.
            await WriteIndexRowsAsync(result, generation, cancellationToken);
            await RemoveStaleAsync(result, generation, cancellationToken);
            await UpdateAsync(article.Id, article.BlobName, row =>
            {
                if (row.Generation != generation)
                {
                    return false; // A newer version took over meanwhile; its own run reports its status.
                }
                row.Status = ArticleStatus.Succeeded;
                return true;
            }, cancellationToken);
        }
        else
        {
            logger.LogInformation("Results of an older version of {ArticleId} were not made current", article.Id);
            await DeleteGenerationAsync(article.Id, generation, cancellationToken);
        }
    }

    /// <summary>The article's own entity and quote rows, under <paramref name="generation"/>: invisible until the switch.</summary>
    private async Task WriteArticleRowsAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        var article = result.Article;
        var actions = new List<TableTransactionAction>(result.Entities.Count);
        for (int i = 0; i < result.Entities.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, result.Entities[i].ToRow(article.Id, generation, i)));
        }
        await TableBatches.SubmitAsync(tables.ArticleEntities, actions, cancellationToken);

        actions.Clear();
        for (int i = 0; i < result.Quotes.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, result.Quotes[i].ToRow(article.Id, generation, i)));
        }
        await TableBatches.SubmitAsync(tables.ArticleQuotes, actions, cancellationToken);
    }

    /// <summary>One row per (entity, article) and (speaker, article), each replaced whole.</summary>
    private async Task WriteIndexRowsAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        var article = result.Article;
        string title = TableLimits.Cut(article.Metadata.Title, 1_000);
        string published = RowMapping.FormatPublished(article.Metadata.Published);
        var entityRows = new List<(EntityArticleRow Row, CanonicalEntity Entity)>();
        foreach (var entity in result.Entities)
        {
            if (entity.Type == EntityType.Date)
            {
                continue; // "Monday" across articles says nothing; dates stay with their article.
            }
            entityRows.Add((new EntityArticleRow
            {
                PartitionKey = IndexKeys.Entity(entity.Key),
                RowKey = article.Id,
                Generation = generation,
                EntityKey = entity.Key,
                Name = TableLimits.Cut(entity.Name, 1_000),
                Type = RowMapping.TypeName(entity.Type),
                Title = title,
                Published = published,
                MentionCount = entity.MentionCount,
                Salience = entity.Salience,
            }, entity));
        }

        var speakerRows = new Dictionary<string, SpeakerQuotesRow>(StringComparer.Ordinal);
        var speakerQuotes = new Dictionary<string, List<QuoteDto>>(StringComparer.Ordinal);
        for (int i = 0; i < result.Quotes.Count; i++)
        {
            var row = result.Quotes[i].ToRow(article.Id, generation, i);
            if (!IndexKeys.IsIndexableSpeaker(row.Speaker))
            {
                continue;
            }
            string partition = IndexKeys.Speaker(row.Speaker!);
            if (!speakerRows.ContainsKey(partition))
            {
                speakerRows[partition] = new SpeakerQuotesRow
                {
                    PartitionKey = partition,
                    RowKey = article.Id,
                    Generation = generation,
                    Speaker = row.Speaker!,
                    SpeakerEntity = row.SpeakerEntity,
                    Title = title,
                    Published = published,
                };
                speakerQuotes[partition] = [];
            }
            speakerQuotes[partition].Add(row.ToDto());
        }
        foreach (var (partition, row) in speakerRows)
        {
            row.QuoteCount = speakerQuotes[partition].Count;
            row.QuotesJson = RowMapping.SerializeQuotes(speakerQuotes[partition]);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = IndexParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entityRows, parallel, async (item, ct) =>
        {
            if (await InsertOrReplaceAsync(tables.EntityArticles, item.Row, ct))
            {
                await catalog.AdjustAsync(item.Entity.Key, item.Entity.Type, item.Entity.Name, +1, ct);
            }
        });
        await Parallel.ForEachAsync(speakerRows.Values, parallel, async (row, ct) =>
            await tables.SpeakerQuotes.UpsertEntityAsync(row, TableUpdateMode.Replace, ct));
    }

    /// <summary>Deletes the entity and quote rows of one generation of an article.</summary>
    private async Task DeleteGenerationAsync(string id, string generation, CancellationToken cancellationToken)
    {
        string from = generation + "|", to = generation + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey gt {from} and RowKey lt {to}");
        var entities = new List<TableEntity>();
        await foreach (var row in tables.ArticleEntities.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            entities.Add(row);
        }
        var quotes = new List<TableEntity>();
        await foreach (var row in tables.ArticleQuotes.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            quotes.Add(row);
        }
        await DeleteRowsAsync(tables.ArticleEntities, entities, cancellationToken);
        await DeleteRowsAsync(tables.ArticleQuotes, quotes, cancellationToken);
    }

    /// <summary>Inserts the row, or replaces it when it exists. True when it was new.</summary>
    private static async Task<bool> InsertOrReplaceAsync<T>(TableClient table, T row, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
    }

    /// <summary>Removes result rows of other generations and index rows the current results no longer hold.</summary>
    private async Task RemoveStaleAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        string id = result.Article.Id;
        string prefix = generation + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");

        var staleEntities = new List<ArticleEntityRow>();
        await foreach (var row in tables.ArticleEntities.QueryAsync<ArticleEntityRow>(filter, cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                staleEntities.Add(row);
            }
        }
        var staleQuotes = new List<ArticleQuoteRow>();
        await foreach (var row in tables.ArticleQuotes.QueryAsync<ArticleQuoteRow>(filter, select: ["PartitionKey", "RowKey", "Speaker"], cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                staleQuotes.Add(row);
            }
        }
        if (staleEntities.Count == 0 && staleQuotes.Count == 0)
        {
            return;
        }

        var currentEntities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in result.Entities)
        {
            currentEntities.Add(entity.Key);
        }
        var currentSpeakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in result.Quotes)
        {
            if (IndexKeys.IsIndexableSpeaker(quote.Speaker))
            {
                currentSpeakers.Add(IndexKeys.Speaker(quote.Speaker!));
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = IndexParallelism, CancellationToken = cancellationToken };
        var goneEntities = new Dictionary<string, ArticleEntityRow>(StringComparer.Ordinal);
        foreach (var row in staleEntities)
        {
            if (!currentEntities.Contains(row.Key) && row.Type != nameof(EntityType.Date))
            {
                goneEntities.TryAdd(row.Key, row);
            }
        }
        await Parallel.ForEachAsync(goneEntities.Values, parallel, async (row, ct) =>
        {
            if (await DeleteIndexRowAsync(tables.EntityArticles, IndexKeys.Entity(row.Key), id, generation, ct)
                && Enum.TryParse<EntityType>(row.Type, out var type))
            {
                await catalog.AdjustAsync(row.Key, type, row.Name, -1, ct);
            }
        });

        var goneSpeakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in staleQuotes)
        {
            if (IndexKeys.IsIndexableSpeaker(row.Speaker) && !currentSpeakers.Contains(IndexKeys.Speaker(row.Speaker!)))
            {
                goneSpeakers.Add(IndexKeys.Speaker(row.Speaker!));
            }
        }
        await Parallel.ForEachAsync(goneSpeakers, parallel, async (partition, ct) =>
            await DeleteIndexRowAsync(tables.SpeakerQuotes, partition, id, generation, ct));

        await DeleteRowsAsync(tables.ArticleEntities, staleEntities, cancellationToken);
        await DeleteRowsAsync(tables.ArticleQuotes, staleQuotes, cancellationToken);
        logger.LogInformation("Removed {EntityRows} entity and {QuoteRows} quote rows of earlier versions of {ArticleId}",
            staleEntities.Count, staleQuotes.Count, id);
    }

    /// <summary>Deletes an index row unless it already belongs to <paramref name="currentGeneration"/>. True when deleted.</summary>
    private static async Task<bool> DeleteIndexRowAsync(TableClient table, string partition, string articleId, string currentGeneration, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, articleId, ["Generation"], cancellationToken);
        if (!row.HasValue || row.Value!.GetString("Generation") == currentGeneration)
        {
            return false;
        }
        try
        {
            await table.DeleteEntityAsync(partition, articleId, row.Value.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false; // Someone else removed or rewrote it.
        }
    }

    private static async Task DeleteRowsAsync<T>(TableClient table, List<T> rows, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        var actions = new List<TableTransactionAction>(rows.Count);
        foreach (var row in rows)
        {
            actions.Add(new(TableTransactionActionType.Delete, row, ETag.All));
        }
        try
        {
            await TableBatches.SubmitAsync(table, actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // A concurrent cleanup got there first; what is left goes next time.
        }
    }

    /// <summary>Read-modify-write of the article row with optimistic concurrency; <paramref name="change"/> returns false to leave it.</summary>
    private async Task<ArticleRow?> UpdateAsync(string id, string blobName, Func<ArticleRow, bool> change, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await GetAsync(id, cancellationToken);
            var now = time.GetUtcNow();
            try
            {
                if (row is null)
                {
                    row = new ArticleRow { PartitionKey = id, BlobName = blobName, CreatedAt = now, UpdatedAt = now };
                    if (!change(row))
                    {
                        return null;
                    }
                    await tables.Articles.AddEntityAsync(row, cancellationToken);
                }
                else
                {
                    row.BlobName = blobName;
                    if (!change(row))
                    {
                        return null;
                    }
                    row.UpdatedAt = now;
                    await tables.Articles.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                return row;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another host changed the row between our read and write: read it again.
            }
        }
        throw new InvalidOperationException($"Article '{id}' kept changing under us; gave up after {MaxAttempts} attempts.");
    }
}
