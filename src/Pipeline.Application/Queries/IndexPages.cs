using Azure.Data.Tables;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Queries;

/// <summary>
/// Pages of the index partitions (entity → articles, speaker → quotes), each served from <see cref="PageCache"/> at the
/// version of its marker row, and pages of several partitions at once, merged by article id: one identity may be
/// indexed under several keys (<c>Joe Biden</c>, and <c>Biden</c> where an article says only that).
/// </summary>
public sealed class IndexPages(PipelineTables tables, EntityCatalog catalog, PageCache pages, ReadCoalescer reads)
{
    /// <summary>Articles mentioning any of these identities after <paramref name="after"/>, by id; the id to go on from when there are more.</summary>
    public Task<(List<EntityArticleDto> Items, string? Next)> EntityArticlesAsync(IReadOnlyList<string> partitions, string after, int top, CancellationToken cancellationToken) =>
        MergedAsync(partitions, after, top, item => item.Id, EntityPartitionAsync, cancellationToken);

    /// <summary>Quotes of any of these speaker partitions after article <paramref name="after"/>: whole articles, about <paramref name="top"/> quotes.</summary>
    public Task<(List<SpeakerQuoteDto> Items, string? Next)> SpeakerQuotesAsync(IReadOnlyList<string> partitions, string after, int top, CancellationToken cancellationToken) =>
        MergedAsync(partitions, after, top, item => item.ArticleId, SpeakerPartitionAsync, cancellationToken);

    /// <summary>
    /// Each partition's page (ordered by article id, cut between articles so as not to pass <paramref name="top"/> items
    /// unless one article alone does), merged the same way: whole articles in id order, as many as the first page of
    /// one partition would hold.
    /// </summary>
    private static async Task<(List<T> Items, string? Next)> MergedAsync<T>(IReadOnlyList<string> partitions, string after, int top,
        Func<T, string> article, Func<string, string, int, CancellationToken, Task<(List<T> Items, PagePosition? Next)>> page,
        CancellationToken cancellationToken)
    {
        if (partitions.Count == 1)
        {
            var (items, next) = await page(partitions[0], after, top, cancellationToken);
            return (items, next?.RowKey);
        }
        var read = await Task.WhenAll(partitions.Select(p => page(p, after, top, cancellationToken)));
        var all = new List<(T Item, int Order)>();
        bool more = false;
        foreach (var (items, next) in read)
        {
            more |= next is not null;
            foreach (var item in items)
            {
                all.Add((item, all.Count));
            }
        }
        // Stable: within an article, items keep their partition's order.
        all.Sort((a, b) => string.CompareOrdinal(article(a.Item), article(b.Item)) is var c && c != 0 ? c : a.Order.CompareTo(b.Order));
        var merged = new List<T>(Math.Min(all.Count, top));
        string? last = null;
        for (int start = 0; start < all.Count;)
        {
            string id = article(all[start].Item);
            int end = start + 1;
            while (end < all.Count && article(all[end].Item) == id)
            {
                end++;
            }
            if (merged.Count > 0 && merged.Count + (end - start) > top)
            {
                more = true;
                break;
            }
            for (int i = start; i < end; i++)
            {
                merged.Add(all[i].Item);
            }
            last = id;
            start = end;
        }
        return (merged, more && last is not null ? last : null);
    }

    private async Task<(List<EntityArticleDto> Items, PagePosition? Next)> EntityPartitionAsync(string partition, string after, int top, CancellationToken cancellationToken)
    {
        var version = await reads.ReadAsync(tables.EntityArticles.Name + "|" + partition, ct => catalog.VersionAsync(partition, ct), cancellationToken);
        return await VersionedAsync(tables.EntityArticles.Name, partition, version, after, top, async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {EntityCatalog.RowsEnd}");
            var (rows, position) = await KeysetPages.ReadAsync<EntityArticleRow>(tables.EntityArticles, filter, top, null, cancellationToken);
            return (rows.ConvertAll(r => new EntityArticleDto(r.RowKey, r.Title, RowMapping.PublishedOrNull(r.Published), r.MentionCount, r.Salience, r.Name)), position);
        });
    }

    private async Task<(List<SpeakerQuoteDto> Items, PagePosition? Next)> SpeakerPartitionAsync(string partition, string after, int top, CancellationToken cancellationToken)
    {
        var version = await reads.ReadAsync(tables.SpeakerQuotes.Name + "|" + partition,
            ct => PartitionMarkers.VersionAsync(tables.SpeakerQuotes, partition, IndexKeys.SpeakerVersionRowKey(partition), ct), cancellationToken);
        return await VersionedAsync(tables.SpeakerQuotes.Name, partition, version, after, top, async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {IndexKeys.SpeakerRowsEnd}");
            var items = new List<SpeakerQuoteDto>(Math.Min(top, 256));
            string? lastIncluded = null;
            bool more = false;
            await foreach (var row in tables.SpeakerQuotes.QueryAsync<SpeakerQuotesRow>(filter, Math.Min(top + 1, 1_000), cancellationToken: cancellationToken))
            {
                var quotes = RowMapping.DeserializeQuotes(row.QuotesJson);
                if (items.Count > 0 && items.Count + quotes.Length > top)
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
    }

    /// <summary>
    /// A page of an index partition, from the cache at the partition's version (<see cref="PartitionMarkers"/>: a partition
    /// this version never wrote, missing ones among them, has one too).
    /// </summary>
    private Task<(List<T> Items, PagePosition? Next)> VersionedAsync<T>(string table, string partition, string version, string after, int top,
        Func<Task<(List<T> Items, PagePosition? Next)>> read) =>
        pages.GetOrReadAsync(table, partition, version, after, top, read, page => page.Items.Count);
}
