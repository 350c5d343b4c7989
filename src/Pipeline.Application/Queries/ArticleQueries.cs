using Azure.Data.Tables;
using Pipeline.Articles;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Summaries;

namespace Pipeline.Queries;

/// <summary>The article queries the HTTP functions call; parameters arrive as sent and are validated here.</summary>
public interface IArticleQueries
{
    Task<QueryResult<Page<ArticleListItem>>> ListAsync(ArticleListQuery query, CancellationToken cancellationToken);

    Task<QueryResult<ArticleDetail>> GetAsync(string? id, CancellationToken cancellationToken);

    Task<QueryResult<Page<EntityDto>>> ListEntitiesAsync(string? id, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<Page<QuoteDto>>> ListQuotesAsync(string? id, string? top, string? continuationToken, CancellationToken cancellationToken);

    Task<QueryResult<SummaryDto>> GetSummaryAsync(string? id, string? sentences, CancellationToken cancellationToken);

    Task<QueryResult<string>> GetTextAsync(string? id, CancellationToken cancellationToken);
}

/// <summary>
/// Reads articles and their current results. Every read is a point read or a single-partition range; result pages
/// of a generation are served from <see cref="PageCache"/> once read, since they never change. Concurrent reads of
/// one article row share a storage read through <see cref="ReadCoalescer"/>.
/// </summary>
public sealed class ArticleQueries(PipelineTables tables, ArticleBlobs blobs, ContinuationTokens tokens, PageCache pages, ReadCoalescer reads) : IArticleQueries
{
    /// <summary>How many entities and quotes the article detail carries; the sub-routes page through the rest.</summary>
    public const int DetailItems = 100;

    /// <summary>Rows examined per request at most, so a rare title search answers quickly and continues on the next page.</summary>
    public const int MaxScannedPerPage = 5_000;

    public async Task<QueryResult<Page<ArticleListItem>>> ListAsync(ArticleListQuery query, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(query.Top, out int count, out var problem))
        {
            return problem!;
        }
        if (!string.IsNullOrEmpty(query.Status) && !ArticleStatus.IsKnown(query.Status))
        {
            return QueryProblem.BadRequest($"'status' must be one of {QueryParameters.Statuses}.");
        }
        if ((QueryParameters.CheckText("section", query.Section, required: false) ?? QueryParameters.CheckText("search", query.Search, required: false)) is { } bad)
        {
            return bad;
        }
        if (!QueryParameters.TryParseDate("from", query.From, out var from, out problem) || !QueryParameters.TryParseDate("to", query.To, out var to, out problem))
        {
            return problem!;
        }
        string scope = string.Join('|', "articles", query.Status, query.Section, from, to, query.Search);
        string after = "";
        if (!string.IsNullOrEmpty(query.ContinuationToken))
        {
            if (!tokens.TryRead(query.ContinuationToken, scope, out var position))
            {
                return QueryParameters.BadToken();
            }
            after = position.PartitionKey;
        }

        var conditions = new List<string> { TableClient.CreateQueryFilter($"PartitionKey gt {after}") };
        if (!string.IsNullOrEmpty(query.Status))
        {
            conditions.Add(TableClient.CreateQueryFilter($"Status eq {query.Status}"));
        }
        if (!string.IsNullOrEmpty(query.Section))
        {
            conditions.Add(TableClient.CreateQueryFilter($"Section eq {query.Section}"));
        }
        if (from is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Published ge {from}"));
        }
        if (to is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Published le {to}"));
        }
        string filter = "(" + string.Join(") and (", conditions) + ")";

        await tables.EnsureCreatedAsync(cancellationToken);
        // The same page asked for by many clients at once (a dashboard's first page) is scanned once per round trip.
        var (items, last, more) = await reads.ReadAsync($"{tables.Articles.Name}|{filter}|{count}|{query.Search}", async ct =>
        {
            var items = new List<ArticleListItem>(Math.Min(count, 256));
            string? last = null;
            int scanned = 0;
            bool more = false;
            // One row past the page tells whether there is more; a title search, filtered here, reads bigger pages.
            int pageSize = Math.Min(string.IsNullOrEmpty(query.Search) ? count + 1 : Math.Max(count + 1, 100), 1_000);
            await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(filter, pageSize, ListColumns, ct))
            {
                if (items.Count == count || scanned == MaxScannedPerPage)
                {
                    more = true;
                    break;
                }
                scanned++;
                last = row.PartitionKey;
                if (string.IsNullOrEmpty(query.Search) || (row.Title?.Contains(query.Search, StringComparison.OrdinalIgnoreCase) ?? false))
                {
                    items.Add(row.ToListItem());
                }
            }
            return (items, last, more);
        }, cancellationToken);
        return new Page<ArticleListItem>(items, more && last is not null ? tokens.Create(scope, new PagePosition(last, "")) : null);
    }

    public async Task<QueryResult<ArticleDetail>> GetAsync(string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }
        var entities = ReadEntitiesAsync(row, DetailItems, null, cancellationToken);
        var quotes = ReadQuotesAsync(row, DetailItems, null, cancellationToken);
        var entityRows = (await entities).Rows;
        var quoteRows = (await quotes).Rows;
        return new ArticleDetail(
            row.PartitionKey, row.BlobName, row.Title, RowMapping.PublishedOrNull(row.Published), row.Section, row.Source, row.Dateline, row.Author,
            row.Status, row.Error, row.Attempts, row.ContentHash, row.BlobETag, row.ContentLength, row.ExtractorVersion,
            row.CreatedAt, row.UpdatedAt, row.ProcessedAt, row.EntityCount, row.QuoteCount,
            Summary.Take(RowMapping.DeserializeSummary(row.SummaryJson), Summary.DefaultSentences, s => s.Index),
            RowMapping.DeserializeKeyPhrases(row.KeyPhrasesJson),
            entityRows.ConvertAll(r => r.ToDto()), quoteRows.ConvertAll(r => r.ToDto()));
    }

    public async Task<QueryResult<Page<EntityDto>>> ListEntitiesAsync(string? id, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        if (await FindAsync(id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }
        string scope = $"entities|{row.PartitionKey}|{row.Generation}";
        if (!tokens.TryReadRowKey(continuationToken, scope, out string? after))
        {
            return QueryParameters.BadToken();
        }
        var (rows, next) = await ReadEntitiesAsync(row, count, after, cancellationToken);
        return new Page<EntityDto>(rows.ConvertAll(r => r.ToDto()), next is { } n ? tokens.Create(scope, n) : null);
    }

    public async Task<QueryResult<Page<QuoteDto>>> ListQuotesAsync(string? id, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseTop(top, out int count, out var problem))
        {
            return problem!;
        }
        if (await FindAsync(id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }
        string scope = $"quotes|{row.PartitionKey}|{row.Generation}";
        if (!tokens.TryReadRowKey(continuationToken, scope, out string? after))
        {
            return QueryParameters.BadToken();
        }
        var (rows, next) = await ReadQuotesAsync(row, count, after, cancellationToken);
        return new Page<QuoteDto>(rows.ConvertAll(r => r.ToDto()), next is { } n ? tokens.Create(scope, n) : null);
    }

    public async Task<QueryResult<SummaryDto>> GetSummaryAsync(string? id, string? sentences, CancellationToken cancellationToken)
    {
        int count = Summary.DefaultSentences;
        if (!string.IsNullOrEmpty(sentences)
            && (sentences.Length > 3 || !int.TryParse(sentences, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count)
                || count < 1 || count > Summary.MaxSentences))
        {
            return QueryProblem.BadRequest($"'sentences' must be an integer from 1 to {Summary.MaxSentences}.");
        }
        if (await FindAsync(id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }
        return new SummaryDto(row.PartitionKey, Summary.Take(RowMapping.DeserializeSummary(row.SummaryJson), count, s => s.Index));
    }

    /// <summary>The extracted text of the current version: what every offset of its results points into.</summary>
    public async Task<QueryResult<string>> GetTextAsync(string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }
        if (row.Generation is null || await blobs.ReadTextAsync(row.PartitionKey, row.Generation, cancellationToken) is not { } text)
        {
            return QueryProblem.NotFound($"Article '{id}' has no processed text yet (status {row.Status}).");
        }
        return text;
    }

    /// <summary>The article row, or null when the id is malformed or unknown.</summary>
    private async Task<ArticleRow?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsWellFormed(id))
        {
            return null;
        }
        await tables.EnsureCreatedAsync(cancellationToken);
        return await reads.ReadAsync(tables.Articles.Name + "|" + id, async ct =>
        {
            var row = await tables.Articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, cancellationToken: ct);
            return row.HasValue ? row.Value : null;
        }, cancellationToken);
    }

    private static QueryProblem Missing(string? id) => ArticleId.IsWellFormed(id)
        ? QueryProblem.NotFound($"No article has the id '{id}'.")
        : QueryProblem.BadRequest("That is not an article id. Ids are blob names with characters other than letters, digits, '.', '_' and '-' written as ~XX (a space is ~20, '/' is ~2F).");

    private Task<(List<ArticleEntityRow> Rows, PagePosition? Next)> ReadEntitiesAsync(ArticleRow article, int top, string? after, CancellationToken cancellationToken) =>
        ReadGenerationAsync<ArticleEntityRow>(tables.ArticleEntities, article, top, after, cancellationToken);

    private Task<(List<ArticleQuoteRow> Rows, PagePosition? Next)> ReadQuotesAsync(ArticleRow article, int top, string? after, CancellationToken cancellationToken) =>
        ReadGenerationAsync<ArticleQuoteRow>(tables.ArticleQuotes, article, top, after, cancellationToken);

    /// <summary>Rows of the article's current generation only: RowKeys <c>{generation}|…</c>.</summary>
    private Task<(List<T> Rows, PagePosition? Next)> ReadGenerationAsync<T>(
        TableClient table, ArticleRow article, int top, string? after, CancellationToken cancellationToken)
        where T : class, Azure.Data.Tables.ITableEntity
    {
        if (string.IsNullOrEmpty(article.Generation))
        {
            return Task.FromResult<(List<T>, PagePosition?)>(([], null));
        }
        string generation = article.Generation;
        // The generation, and when it was made current: content that comes back (A, B, then A again) rewrites the
        // rows of an earlier generation, and a page read meanwhile must not be served for it.
        string version = generation + "@" + article.ProcessedAt?.UtcTicks;
        return pages.GetOrReadAsync(table.Name, article.PartitionKey, version, after, top, () =>
        {
            string from = after ?? generation + "|";
            string to = generation + "}"; // '}' follows '|'
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {article.PartitionKey} and RowKey gt {from} and RowKey lt {to}");
            return KeysetPages.ReadAsync<T>(table, filter, top, null, cancellationToken);
        }, page => page.Rows.Count);
    }

    private static readonly string[] ListColumns =
        ["PartitionKey", "RowKey", "Title", "Published", "Section", "Source", "Dateline", "Status", "Error", "EntityCount", "QuoteCount"];
}
