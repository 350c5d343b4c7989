using Azure;
using Azure.Data.Tables;
using Pipeline.Entities;
using Pipeline.Extraction;
using Pipeline.Queries;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Results;

/// <summary>
/// The cross-article index rows of an article: one per (entity, article) in <c>entityarticles</c> and one per
/// (speaker, article) in <c>speakerquotes</c>, each replaced whole; entity rows and their counts through <see cref="EntityCatalog"/>,
/// as a write to the entity list under way (<see cref="CatalogVersion"/>).
/// </summary>
internal sealed class IndexRows(PipelineTables tables, EntityCatalog catalog, CatalogVersion catalogVersion)
{
    private const int Parallelism = 8;

    /// <summary>
    /// One row per (identity, article) and (speaker, article), each replaced whole. Two spellings of one identity in an
    /// article (<c>Joe Biden</c>, <c>Joe R. Biden</c>) share a row: its mentions added, the most salient spelling kept.
    /// </summary>
    public async Task WriteAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        var article = result.Article;
        string title = TableLimits.Cut(article.Metadata.Title, TableLimits.MaxNameChars);
        string published = RowMapping.FormatPublished(article.Metadata.Published);
        var entityRows = new Dictionary<string, EntityArticleRow>(StringComparer.Ordinal);
        foreach (var entity in result.Entities) // most salient first
        {
            if (RowMapping.IndexIdentity(entity) is not { } identity)
            {
                continue; // "Monday" across articles says nothing; dates stay with their article.
            }
            if (entityRows.TryGetValue(identity.Key, out var same))
            {
                same.MentionCount += entity.MentionCount;
                same.Salience = Math.Round(same.Salience + entity.Salience, 4);
                continue;
            }
            entityRows[identity.Key] = new EntityArticleRow
            {
                PartitionKey = IndexKeys.Entity(identity.Key),
                RowKey = article.Id,
                Generation = generation,
                EntityKey = identity.Key,
                Name = TableLimits.Cut(entity.Name, TableLimits.MaxNameChars),
                Type = RowMapping.TypeName(identity.Type),
                Title = title,
                Published = published,
                MentionCount = entity.MentionCount,
                Salience = entity.Salience,
                IdentityName = TableLimits.Cut(identity.Name, TableLimits.MaxNameChars),
                Group = identity.Group,
                Kind = identity.Kind.ToString(),
                Given = identity.Given,
            };
        }

        var speakerRows = new Dictionary<string, SpeakerQuotesRow>(StringComparer.Ordinal);
        var speakerQuotes = new Dictionary<string, List<QuoteDto>>(StringComparer.Ordinal);
        for (int i = 0; i < result.Quotes.Count; i++)
        {
            var row = result.Quotes[i].ToRow(article.Id, generation, i);
            if (row.SpeakerIndex is not { } partition)
            {
                continue;
            }
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
        if (entityRows.Count > 0)
        {
            await catalogVersion.WritingAsync(article.Id, () => Parallel.ForEachAsync(entityRows.Values, parallel, async (row, ct) =>
                await catalog.AddArticleAsync(row, ct)), cancellationToken);
        }
        await Parallel.ForEachAsync(speakerRows.Values, parallel, async (row, ct) =>
            await tables.SpeakerQuotes.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), TouchSpeakerVersion(row.PartitionKey)], ct));
    }

    /// <summary>
    /// Removes the article's index rows that <paramref name="result"/> no longer holds, as seen from the rows of its
    /// other generations; identities it no longer mentions count it no more.
    /// </summary>
    public Task RemoveGoneAsync(ExtractionResult result, string generation, List<ArticleEntityRow> otherEntities, List<ArticleQuoteRow> otherQuotes, CancellationToken cancellationToken)
    {
        var (currentEntities, currentSpeakers) = Keys(result);
        var (gone, goneSpeakers) = Keys(otherEntities, otherQuotes);
        gone.ExceptWith(currentEntities);
        goneSpeakers.ExceptWith(currentSpeakers);
        return RemoveAsync(result.Article.Id, gone, goneSpeakers, generation, cancellationToken);
    }

    /// <summary>Removes every index row of an article being deleted, as its stored rows of any generation name them.</summary>
    public Task RemoveAllAsync(string id, List<ArticleEntityRow> entities, List<ArticleQuoteRow> quotes, CancellationToken cancellationToken)
    {
        var (identities, speakers) = Keys(entities, quotes);
        return RemoveAsync(id, identities, speakers, keepGeneration: null, cancellationToken);
    }

    /// <summary>Removes the index rows <paramref name="result"/> wrote: a processing run undoing its work on an article deleted meanwhile.</summary>
    public Task RemoveAllAsync(ExtractionResult result, CancellationToken cancellationToken)
    {
        var (identities, speakers) = Keys(result);
        return RemoveAsync(result.Article.Id, identities, speakers, keepGeneration: null, cancellationToken);
    }

    /// <summary>The identity keys (dates are not indexed) and speaker partitions a result is indexed under.</summary>
    private static (HashSet<string> Identities, HashSet<string> Speakers) Keys(ExtractionResult result)
    {
        var identities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in result.Entities)
        {
            if (RowMapping.IndexIdentity(entity) is { } identity)
            {
                identities.Add(identity.Key);
            }
        }
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in result.Quotes)
        {
            if (SpeakerIndex.Of(quote) is { } partition)
            {
                speakers.Add(partition);
            }
        }
        return (identities, speakers);
    }

    /// <summary>The same, as stored result rows name them (rows written before identities: under the entity key and speaker slug).</summary>
    private static (HashSet<string> Identities, HashSet<string> Speakers) Keys(List<ArticleEntityRow> entities, List<ArticleQuoteRow> quotes)
    {
        var identities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in entities)
        {
            if (row.Type != nameof(EntityType.Date))
            {
                identities.Add(row.Identity ?? row.Key);
            }
        }
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in quotes)
        {
            if ((row.SpeakerIndex ?? (SpeakerIndex.IsIndexable(row.Speaker) ? SpeakerIndex.Partition(row.Speaker!) : null)) is { } partition)
            {
                speakers.Add(partition);
            }
        }
        return (identities, speakers);
    }

    /// <summary>
    /// Removes the article's rows from these entities' and speakers' partitions, each with its count or marker in the
    /// same batch, except rows of <paramref name="keepGeneration"/> (null: whatever generation they hold).
    /// </summary>
    private async Task RemoveAsync(string id, HashSet<string> entityKeys, HashSet<string> speakerPartitions, string? keepGeneration, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        if (entityKeys.Count > 0)
        {
            await catalogVersion.WritingAsync(id, () => Parallel.ForEachAsync(entityKeys, parallel, async (key, ct) =>
                await catalog.RemoveArticleAsync(key, id, keepGeneration, ct)), cancellationToken);
        }
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
        PartitionMarkers.Touch(partition, IndexKeys.SpeakerVersionRowKey(partition));
}
