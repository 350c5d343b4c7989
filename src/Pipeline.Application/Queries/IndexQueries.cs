using Azure;
using Azure.Data.Tables;
using Pipeline.Entities;
using Pipeline.Entities.Identity;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Text;

namespace Pipeline.Queries;

/// <summary>The cross-article queries the HTTP functions call.</summary>
public interface IIndexQueries
{
    Task<QueryResult<Page<CatalogEntityDto>>> ListEntitiesAsync(string? type, string? prefix, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<IdentityPage<EntityArticleDto>>> ListEntityArticlesAsync(string? type, string? name, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<IdentityPage<SpeakerQuoteDto>>> ListSpeakerQuotesAsync(string? speaker, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<HealthDto>> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Queries across articles, each answered for an identity (<see cref="EntityIdentity"/>): the name asked for, in any
/// of its spellings, and the spellings the corpus links to it (<see cref="IdentityLookup"/>), each a partition of an
/// index table read through <see cref="IndexPages"/>. No table is scanned: a point read and a partition query per key.
/// </summary>
public sealed class IndexQueries(PipelineTables tables, EntityCatalog catalog, CatalogVersion catalogVersion, ContinuationTokens tokens, IdentityLookup identities,
    IndexPages index, PageCache pages, ReadCoalescer reads) : IIndexQueries
{
    /// <summary>
    /// <c>GET /api/entities?type=&amp;prefix=</c>: identities with article counts, by name, each once: a spelling the
    /// corpus links to another identity (<c>Biden</c> to <c>Joe Biden</c>) is counted with it and listed as its variant.
    /// </summary>
    public async Task<QueryResult<Page<CatalogEntityDto>>> ListEntitiesAsync(string? type, string? prefix, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        EntityType parsed = default;
        if (!string.IsNullOrEmpty(type) && !EntityKey.TryParseType(type, out parsed))
        {
            return QueryProblem.BadRequest($"'type' must be one of {QueryParameters.EntityTypes}.");
        }
        if (QueryParameters.CheckText("prefix", prefix, required: false) is { } bad)
        {
            return bad;
        }
        string partition = string.IsNullOrEmpty(type) ? "" : EntityKey.TypeName(parsed);
        string from = string.IsNullOrEmpty(prefix) ? "" : SafeKey.Encode(EntityKey.Slug(prefix));
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
        // A page costs a query and a point read per entry (its count, under every spelling). It is kept at the version of
        // everything it reads (CatalogVersion), so while no article changes the catalog a page costs one small query;
        // requests computing the same page at the same time share one computation, begun after each of them arrived.
        string table = tables.Entities.Name;
        string position = $"{after.PartitionKey}|{after.RowKey}";
        var version = await reads.ReadAsync(tables.CatalogVersion.Name, catalogVersion.ReadAsync, cancellationToken);
        Task<Page<CatalogEntityDto>> Compute() => reads.ReadAsync($"{table}|{scope}|{position}|{count}|{version}",
            ct => CatalogPageAsync(filter, count, from.Length > 0, scope, ct), cancellationToken);
        return version is null
            ? await Compute() // A write is under way: no version holds.
            : await pages.GetOrReadAsync(table, scope, version, position, count, Compute, page => page.Items.Count);
    }

    private async Task<Page<CatalogEntityDto>> CatalogPageAsync(string? filter, int count, bool substitute, string scope, CancellationToken cancellationToken)
    {
        var (rows, next) = await KeysetPages.ReadAsync<EntityCatalogRow>(tables.Entities, filter, count, null, cancellationToken);
        var entries = await Task.WhenAll(rows.ConvertAll(row => CatalogEntryAsync(row, substitute, cancellationToken)));
        var items = new List<CatalogEntityDto>(rows.Count);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // An identity no article mentions any more stays listed until its entry is removed, never in answers.
            if (entry is { ArticleCount: > 0 } && listed.Add(entry.Key))
            {
                items.Add(entry);
            }
        }
        return new Page<CatalogEntityDto>(items, next is { } n ? tokens.Create(scope, n) : null);
    }

    /// <summary>
    /// A catalog row as answered: its identity with the variants linked to it and their articles counted together; null
    /// for a variant of another identity, unless <paramref name="substitute"/> (a prefix search), which answers with that
    /// identity instead.
    /// </summary>
    private async Task<CatalogEntityDto?> CatalogEntryAsync(EntityCatalogRow row, bool substitute, CancellationToken cancellationToken)
    {
        EntityKey.TryParseType(row.PartitionKey, out var type);
        var linked = row.Group is null
            ? new LinkedIdentity(row.Key, row.Name, [new GroupMember(row.Key, row.Name, IdentityKind.Plain, null)])
            : await identities.LinkAsync(EntityIdentity.Of(type, row.Name), cancellationToken);
        if (linked.Key != row.Key && !substitute)
        {
            return null; // Counted and listed under the identity it stands for.
        }
        var counts = await Task.WhenAll(linked.Keys.Select(key => catalog.CountAsync(IndexKeys.Entity(key), cancellationToken)));
        var variants = linked.Variants.Where(v => v.Key != linked.Key).Select(v => new VariantDto(v.Key, v.Name)).ToList();
        return new CatalogEntityDto(linked.Key, linked.Name, TypeFromPartition(row.PartitionKey), counts.Sum(), variants);
    }

    /// <summary><c>GET /api/entities/{type}/{name}/articles</c>: the articles mentioning an identity, under any of its spellings.</summary>
    public async Task<QueryResult<IdentityPage<EntityArticleDto>>> ListEntityArticlesAsync(string? type, string? name, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        if (!EntityKey.TryParseType(type, out var parsed))
        {
            return QueryProblem.BadRequest($"The entity type must be one of {QueryParameters.EntityTypes}.");
        }
        if (QueryParameters.CheckText("name", name, required: true) is { } bad)
        {
            return bad;
        }
        var identity = EntityIdentity.Of(parsed, name!);
        string scope = "entity|" + IndexKeys.Entity(identity.Key);
        if (!tokens.TryReadRowKey(continuationToken, scope, out var after))
        {
            return QueryParameters.BadToken();
        }
        await tables.EnsureCreatedAsync(cancellationToken);
        var linked = await identities.LinkAsync(identity, cancellationToken);
        var (items, next) = await index.EntityArticlesAsync([.. linked.Keys.Select(IndexKeys.Entity)], after ?? "", count, cancellationToken);
        if (items.Count == 0 && after is null)
        {
            return QueryProblem.NotFound($"No article mentions '{identity.Key}'.");
        }
        return new IdentityPage<EntityArticleDto>(IdentityLookup.ToDto(linked, identity.Type), items, Token(scope, next));
    }

    /// <summary>
    /// <c>GET /api/quotes?speaker=</c>: quotes by one speaker across articles, under any spelling of the speaker's identity
    /// (<c>Biden</c>, <c>President Biden</c>, <c>Joe R. Biden</c>); <c>top</c> caps the quotes per page.
    /// </summary>
    public async Task<QueryResult<IdentityPage<SpeakerQuoteDto>>> ListSpeakerQuotesAsync(string? speaker, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        if (QueryParameters.CheckText("speaker", speaker, required: true) is { } bad)
        {
            return bad;
        }
        string written = SpeakerIndex.Partition(speaker!);
        if (written.Length == 0)
        {
            return QueryProblem.BadRequest("'speaker' must contain letters or digits.");
        }
        // Speakers are people mostly; a speaker that is not (an organization, "officials") is indexed as written.
        var identity = EntityIdentity.Of(EntityType.Person, speaker!);
        string scope = "speaker|" + SpeakerIndex.Partition(identity.Key);
        if (!tokens.TryReadRowKey(continuationToken, scope, out var after))
        {
            return QueryParameters.BadToken();
        }
        await tables.EnsureCreatedAsync(cancellationToken);
        var linked = await identities.LinkAsync(identity, cancellationToken);
        var partitions = linked.Keys.Select(SpeakerIndex.Partition).Append(written).Distinct(StringComparer.Ordinal).ToList();
        var (items, next) = await index.SpeakerQuotesAsync(partitions, after ?? "", count, cancellationToken);
        return new IdentityPage<SpeakerQuoteDto>(IdentityLookup.ToDto(linked, EntityType.Person), items, Token(scope, next));
    }

    private string? Token(string scope, string? next) => next is null ? null : tokens.Create(scope, new PagePosition(scope, next));

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
