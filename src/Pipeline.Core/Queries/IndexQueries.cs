using Azure;
using Azure.Data.Tables;
using Pipeline.Entities;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Queries;

/// <summary>The cross-article queries the HTTP functions call.</summary>
public interface IIndexQueries
{
    Task<QueryResult<Page<CatalogEntityDto>>> ListEntitiesAsync(string? type, string? prefix, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<Page<EntityArticleDto>>> ListEntityArticlesAsync(string? type, string? name, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<Page<SpeakerQuoteDto>>> ListSpeakerQuotesAsync(string? speaker, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<HealthDto>> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Queries across articles, each answered from one partition of an index table; pages of the entity and speaker
/// partitions are served from <see cref="PageCache"/> while the partition's marker row says they are current (the
/// marker read shared by concurrent requests through <see cref="ReadCoalescer"/>).
/// </summary>
public sealed class IndexQueries(PipelineTables tables, EntityCatalog catalog, ContinuationTokens tokens, PageCache pages, ReadCoalescer reads) : IIndexQueries
{
    /// <summary><c>GET /api/entities?type=&amp;prefix=</c>: canonical entities with article counts, by name.</summary>
    public async Task<QueryResult<Page<CatalogEntityDto>>> ListEntitiesAsync(string? type, string? prefix, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        EntityType parsed = default;
        if (!string.IsNullOrEmpty(type) && !EntityKey.TryParseType(type, out parsed))
        {
            return QueryProblem.BadRequest("'type' must be one of Person, Organization, Location, Misc, Date.");
        }
        if (QueryParameters.CheckText("prefix", prefix, required: false) is { } bad)
        {
            return bad;
        }
        string partition = string.IsNullOrEmpty(type) ? "" : EntityKey.TypeName(parsed);
        string from = string.IsNullOrEmpty(prefix) ? "" : TableKey.Encode(EntityKey.Slug(prefix));
        string scope = $"catalog|{partition}|{from}";
        PagePosition after = default;
        bool continued = !string.IsNullOrEmpty(continuationToken);
        if (continued && !tokens.TryRead(continuationToken!, scope, out after))
        {
            return QueryParameters.BadToken();
        }

        var conditions = new List<string>(3);
        if (partition.Length > 0)
        {
            conditions.Add(continued
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after.RowKey}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition}"));
        }
        else if (continued)
        {
            conditions.Add(TableClient.CreateQueryFilter($"(PartitionKey eq {after.PartitionKey} and RowKey gt {after.RowKey}) or PartitionKey gt {after.PartitionKey}"));
        }
        if (from.Length > 0)
        {
            // Names starting with the prefix lie in [prefix, prefix with its last character incremented).
            string to = from[..^1] + (char)(from[^1] + 1);
            conditions.Add(TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}"));
        }
        string? filter = conditions.Count == 0 ? null : "(" + string.Join(") and (", conditions) + ")";

        await tables.EnsureCreatedAsync(cancellationToken);
        var (rows, next) = await KeysetPages.ReadAsync<EntityCatalogRow>(tables.Entities, filter, count, null, cancellationToken);
        var counts = await Task.WhenAll(rows.ConvertAll(row => catalog.CountAsync(IndexKeys.Entity(row.Key), cancellationToken)));
        var items = new List<CatalogEntityDto>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            if (counts[i] > 0) // An entity no article mentions any more stays listed in the table, not in answers.
            {
                items.Add(new CatalogEntityDto(rows[i].Key, rows[i].Name, TypeFromPartition(rows[i].PartitionKey), counts[i]));
            }
        }
        return new Page<CatalogEntityDto>(items, next is { } n ? tokens.Create(scope, n) : null);
    }

    /// <summary><c>GET /api/entities/{type}/{name}/articles</c>: the articles mentioning one entity.</summary>
    public async Task<QueryResult<Page<EntityArticleDto>>> ListEntityArticlesAsync(string? type, string? name, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        if (!EntityKey.TryParseType(type, out var parsed))
        {
            return QueryProblem.BadRequest("The entity type must be one of Person, Organization, Location, Misc.");
        }
        if (QueryParameters.CheckText("name", name, required: true) is { } bad)
        {
            return bad;
        }
        string key = EntityKey.Create(parsed, name!);
        string partition = IndexKeys.Entity(key);
        string scope = "entity|" + partition;
        string after = "";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            if (!tokens.TryRead(continuationToken, scope, out var position))
            {
                return QueryParameters.BadToken();
            }
            after = position.RowKey;
        }
        await tables.EnsureCreatedAsync(cancellationToken);
        var (items, next) = await VersionedAsync(tables.EntityArticles.Name, partition, await reads.ReadAsync(tables.EntityArticles.Name + "|" + partition, ct => catalog.VersionAsync(partition, ct), cancellationToken), after, count, async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {EntityCatalog.RowsEnd}");
            var (rows, position) = await KeysetPages.ReadAsync<EntityArticleRow>(tables.EntityArticles, filter, count, null, cancellationToken);
            return (rows.ConvertAll(r => new EntityArticleDto(r.RowKey, r.Title, RowMapping.PublishedOrNull(r.Published), r.MentionCount, r.Salience)), position);
        });
        if (items.Count == 0 && after.Length == 0)
        {
            return QueryProblem.NotFound($"No article mentions '{key}'.");
        }
        return new Page<EntityArticleDto>(items, next is { } n ? tokens.Create(scope, n) : null);
    }

    /// <summary><c>GET /api/quotes?speaker=</c>: quotes by one speaker across articles; <c>top</c> caps the quotes per page.</summary>
    public async Task<QueryResult<Page<SpeakerQuoteDto>>> ListSpeakerQuotesAsync(string? speaker, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        if (QueryParameters.CheckText("speaker", speaker, required: true) is { } bad)
        {
            return bad;
        }
        string partition = IndexKeys.Speaker(speaker!);
        if (partition.Length == 0)
        {
            return QueryProblem.BadRequest("'speaker' must contain letters or digits.");
        }
        string scope = "speaker|" + partition;
        string after = "";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            if (!tokens.TryRead(continuationToken, scope, out var position))
            {
                return QueryParameters.BadToken();
            }
            after = position.RowKey;
        }
        await tables.EnsureCreatedAsync(cancellationToken);
        var version = await reads.ReadAsync(tables.SpeakerQuotes.Name + "|" + partition, async ct =>
        {
            var row = await tables.SpeakerQuotes.GetEntityIfExistsAsync<TableEntity>(partition, IndexKeys.SpeakerVersionRowKey(partition), ["RowKey"], ct);
            if (!row.HasValue)
            {
                // Written by an earlier version, and not since: its marker still has the RowKey every partition shared.
                row = await tables.SpeakerQuotes.GetEntityIfExistsAsync<TableEntity>(partition, IndexKeys.LegacySpeakerVersionRowKey, ["RowKey"], ct);
            }
            return row.HasValue ? row.Value!.ETag.ToString() : null;
        }, cancellationToken);
        var (items, next) = await VersionedAsync(tables.SpeakerQuotes.Name, partition, version, after, count, async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {IndexKeys.SpeakerRowsEnd}");
            var items = new List<SpeakerQuoteDto>(Math.Min(count, 256));
            string? lastIncluded = null;
            bool more = false;
            await foreach (var row in tables.SpeakerQuotes.QueryAsync<SpeakerQuotesRow>(filter, Math.Min(count + 1, 1_000), cancellationToken: cancellationToken))
            {
                var quotes = RowMapping.DeserializeQuotes(row.QuotesJson);
                if (items.Count > 0 && items.Count + quotes.Length > count)
                {
                    more = true;
                    break;
                }
                int notListed = Math.Max(0, row.QuoteCount - quotes.Length);
                foreach (var quote in quotes)
                {
                    items.Add(new SpeakerQuoteDto(row.RowKey, row.Title, RowMapping.PublishedOrNull(row.Published), quote, notListed));
                }
                lastIncluded = row.RowKey;
            }
            return (items, more && lastIncluded is not null ? new PagePosition(partition, lastIncluded) : (PagePosition?)null);
        });
        return new Page<SpeakerQuoteDto>(items, next is { } n ? tokens.Create(scope, n) : null);
    }

    /// <summary>A page of an index partition: from the cache at the partition's version, or read when it has none.</summary>
    private Task<(List<T> Items, PagePosition? Next)> VersionedAsync<T>(string table, string partition, string? version, string after, int top,
        Func<Task<(List<T> Items, PagePosition? Next)>> read) =>
        version is null ? read() : pages.GetOrReadAsync(table, partition, version, after, top, read, page => page.Items.Count);

    /// <summary><c>GET /api/health</c>: healthy when Table storage answers within a few seconds.</summary>
    public async Task<QueryResult<HealthDto>> CheckHealthAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await tables.EnsureCreatedAsync(timeout.Token);
            await foreach (var _ in tables.Articles.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token))
            {
                break;
            }
            return new HealthDto("healthy", "reachable");
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            return QueryProblem.Unavailable($"Table storage did not answer: {e.Message}");
        }
    }

    private static string TypeFromPartition(string partition) =>
        EntityKey.TryParseType(partition, out var type) ? RowMapping.TypeName(type) : partition;
}
