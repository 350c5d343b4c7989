using Azure;
using Azure.Data.Tables;
using Pipeline.Entities;
using Pipeline.Extraction;
using Pipeline.Queries;
using Pipeline.Storage.Rows;

namespace Pipeline.Storage;

/// <summary>
/// The cross-article index rows of an article: one per (entity, article) in <c>entityarticles</c> and one per
/// (speaker, article) in <c>speakerquotes</c>, each replaced whole; entity rows and their counts through <see cref="EntityCatalog"/>.
/// </summary>
internal sealed class IndexRows(PipelineTables tables, EntityCatalog catalog)
{
    private const int Parallelism = 8;

    /// <summary>One row per (entity, article) and (speaker, article), each replaced whole.</summary>
    public async Task WriteAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        var article = result.Article;
        string title = TableLimits.Cut(article.Metadata.Title, TableLimits.MaxNameChars);
        string published = RowMapping.FormatPublished(article.Metadata.Published);
        var entityRows = new List<EntityArticleRow>();
        foreach (var entity in result.Entities)
        {
            if (entity.Type == EntityType.Date)
            {
                continue; // "Monday" across articles says nothing; dates stay with their article.
            }
            entityRows.Add(new EntityArticleRow
            {
                PartitionKey = IndexKeys.Entity(entity.Key),
                RowKey = article.Id,
                Generation = generation,
                EntityKey = entity.Key,
                Name = TableLimits.Cut(entity.Name, TableLimits.MaxNameChars),
                Type = RowMapping.TypeName(entity.Type),
                Title = title,
                Published = published,
                MentionCount = entity.MentionCount,
                Salience = entity.Salience,
            });
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
            row.QuotesJson = RowMapping.SerializeQuotes(speakerQuotes[partition], out _);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entityRows, parallel, async (row, ct) =>
            await catalog.AddArticleAsync(row, ct));
        await Parallel.ForEachAsync(speakerRows.Values, parallel, async (row, ct) =>
            await tables.SpeakerQuotes.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), TouchSpeakerVersion(row.PartitionKey)], ct));
    }

    /// <summary>
    /// Removes the article's index rows that <paramref name="result"/> no longer holds, as seen from the rows of its
    /// other generations; entities it no longer mentions count it no more.
    /// </summary>
    public Task RemoveGoneAsync(ExtractionResult result, string generation, List<ArticleEntityRow> otherEntities, List<ArticleQuoteRow> otherQuotes, CancellationToken cancellationToken)
    {
        var (currentEntities, currentSpeakers) = Keys(result);
        var goneEntities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in otherEntities)
        {
            if (!currentEntities.Contains(row.Key) && row.Type != nameof(EntityType.Date))
            {
                goneEntities.Add(row.Key);
            }
        }
        var goneSpeakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in otherQuotes)
        {
            if (IndexKeys.IsIndexableSpeaker(row.Speaker) && !currentSpeakers.Contains(IndexKeys.Speaker(row.Speaker!)))
            {
                goneSpeakers.Add(IndexKeys.Speaker(row.Speaker!));
            }
        }
        return RemoveAsync(result.Article.Id, goneEntities, goneSpeakers, generation, cancellationToken);
    }

    /// <summary>Removes every index row of an article being deleted, as its stored rows of any generation name them.</summary>
    public Task RemoveAllAsync(string id, List<ArticleEntityRow> entities, List<ArticleQuoteRow> quotes, CancellationToken cancellationToken)
    {
        var entityKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in entities)
        {
            if (row.Type != nameof(EntityType.Date))
            {
                entityKeys.Add(row.Key);
            }
        }
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in quotes)
        {
            if (IndexKeys.IsIndexableSpeaker(row.Speaker))
            {
                speakers.Add(IndexKeys.Speaker(row.Speaker!));
            }
        }
        return RemoveAsync(id, entityKeys, speakers, keepGeneration: null, cancellationToken);
    }

    /// <summary>Removes the index rows <paramref name="result"/> wrote: a processing run undoing its work on an article deleted meanwhile.</summary>
    public Task RemoveAllAsync(ExtractionResult result, CancellationToken cancellationToken)
    {
        var (entityKeys, speakers) = Keys(result);
        return RemoveAsync(result.Article.Id, entityKeys, speakers, keepGeneration: null, cancellationToken);
    }

    /// <summary>The indexed entity keys (dates are not indexed) and speaker partitions of a result.</summary>
    private static (HashSet<string> Entities, HashSet<string> Speakers) Keys(ExtractionResult result)
    {
        var entities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in result.Entities)
        {
            if (entity.Type != EntityType.Date)
            {
                entities.Add(entity.Key);
            }
        }
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in result.Quotes)
        {
            if (IndexKeys.IsIndexableSpeaker(quote.Speaker))
            {
                speakers.Add(IndexKeys.Speaker(quote.Speaker!));
            }
        }
        return (entities, speakers);
    }

    /// <summary>
    /// Removes the article's rows from these entities' and speakers' partitions, each with its count or marker in the
    /// same batch, except rows of <paramref name="keepGeneration"/> (null: whatever generation they hold).
    /// </summary>
    private async Task RemoveAsync(string id, HashSet<string> entityKeys, HashSet<string> speakerPartitions, string? keepGeneration, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entityKeys, parallel, async (key, ct) =>
            await catalog.RemoveArticleAsync(key, id, keepGeneration, ct));
        await Parallel.ForEachAsync(speakerPartitions, parallel, async (partition, ct) =>
            await DeleteSpeakerRowAsync(partition, id, keepGeneration, ct));
    }

    /// <summary>Deletes a speaker index row unless it already belongs to <paramref name="currentGeneration"/>. True when deleted.</summary>
    private async Task<bool> DeleteSpeakerRowAsync(string partition, string articleId, string? currentGeneration, CancellationToken cancellationToken)
    {
        var row = await tables.SpeakerQuotes.GetEntityIfExistsAsync<TableEntity>(partition, articleId, ["Generation"], cancellationToken);
        if (!row.HasValue || row.Value!.GetString("Generation") == currentGeneration)
        {
            return false;
        }
        try
        {
            await tables.SpeakerQuotes.SubmitTransactionAsync(
            [
                // A selected read may omit the keys: name the row to delete explicitly.
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, articleId), row.Value.ETag),
                TouchSpeakerVersion(partition),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            return false; // Someone else removed or rewrote it.
        }
    }

    /// <summary>Rewrites the partition's marker row: its new ETag tells cached pages of the partition that they are old.</summary>
    private static TableTransactionAction TouchSpeakerVersion(string partition) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, IndexKeys.SpeakerVersionRowKey(partition)));
}
