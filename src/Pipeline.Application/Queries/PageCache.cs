using Microsoft.Extensions.Caching.Memory;

namespace Pipeline.Queries;

/// <summary>
/// Query pages kept in memory under a <em>version</em> that changes whenever their rows can change. An article's
/// results are versioned by their generation: once the article row points at a generation, its rows never change.
/// An index partition is versioned by the ETag of its marker row, which every write to the partition rewrites in the
/// same batch transaction. So a page served from here is exactly what the partition query would return, for the cost
/// of the point read that gives the version. Bounded by the rows it holds, least recently used first out.
/// Pages handed out are shared: callers read them and never change them.
/// </summary>
public sealed class PageCache : IDisposable
{
    /// <summary>Rows held at most, across all pages (a row is about a kilobyte).</summary>
    public const long MaxRows = 100_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxRows });

    /// <param name="kind">Which query (a table and what the page holds).</param>
    /// <param name="partition">The partition read.</param>
    /// <param name="version">The generation or marker ETag the rows were read at.</param>
    /// <param name="after">Where the page starts (a continuation), or null for the first page.</param>
    /// <param name="top">The page size asked for.</param>
    /// <param name="read">Reads the page from storage when it is not held.</param>
    /// <param name="rows">How many rows a page holds, for the bound.</param>
    public async Task<TPage> GetOrReadAsync<TPage>(string kind, string partition, string version, string? after, int top,
        Func<Task<TPage>> read, Func<TPage, int> rows)
    {
        var key = new PageKey(kind, partition, version, after, top);
        if (cache.TryGetValue(key, out TPage? page))
        {
            return page!;
        }
        page = await read();
        cache.Set(key, page, new MemoryCacheEntryOptions { Size = rows(page) + 1 });
        return page;
    }

    public void Dispose() => cache.Dispose();

    private readonly record struct PageKey(string Kind, string Partition, string Version, string? After, int Top);
}
