using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Evaluation.Bench;

/// <param name="ClientGcPauseMs">
/// How long the bench's own process was paused by its garbage collector while it measured: a pause there delays
/// every request in flight, so it belongs to the client, not to the route.
/// </param>
public sealed record LoadResult(string Route, string Through, int Connections, int Requests, int Errors, double Seconds, Latency Latency, double ClientGcPauseMs = 0)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

/// <summary>
/// The main GET routes under load at several connection counts, and the same rows read straight from Table
/// storage (point reads and partition queries) as the floor the API cannot beat.
/// </summary>
public static class QueryLoad
{
    /// <summary>Requests per route, through the API and straight from storage, before any is measured.</summary>
    public const int WarmUpRequests = 500;

    public static async Task<List<LoadResult>> RunAsync(EndToEndRun run, int requests, int[] connections, CancellationToken cancellationToken)
    {
        var tables = run.Services.GetRequiredService<PipelineTables>();
        string articleId = ArticleId.FromBlobName(EndToEndRun.BlobName(0));
        var article = (await tables.Articles.GetEntityAsync<ArticleRow>(articleId, ArticleRow.RowKeyValue, cancellationToken: cancellationToken)).Value;
        string entity = await LargestPartitionAsync(tables.EntityArticles, cancellationToken);
        string speaker = await LargestPartitionAsync(tables.SpeakerQuotes, cancellationToken);
        var entityRow = await FirstAsync<EntityArticleRow>(tables.EntityArticles, entity, cancellationToken); // the count row sorts last
        var speakerRow = await FirstAsync<SpeakerQuotesRow>(tables.SpeakerQuotes, speaker, cancellationToken);
        string entityType = entityRow.Type, entityName = entityRow.Name, speakerName = speakerRow.Speaker;

        string from = article.Generation + "|", to = article.Generation + "}";
        var routes = new (string Name, string Url, Func<CancellationToken, Task> Raw)[]
        {
            ("article detail", $"/api/articles/{articleId}", async ct =>
            {
                await tables.Articles.GetEntityAsync<ArticleRow>(articleId, ArticleRow.RowKeyValue, cancellationToken: ct);
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {articleId} and RowKey gt {from} and RowKey lt {to}");
                await Drain(tables.ArticleEntities.QueryAsync<TableEntity>(filter, 101, cancellationToken: ct), 101);
                await Drain(tables.ArticleQuotes.QueryAsync<TableEntity>(filter, 101, cancellationToken: ct), 101);
            }),
            ("quotes by speaker", $"/api/quotes?speaker={Uri.EscapeDataString(speakerName)}", ct =>
                Drain(tables.SpeakerQuotes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {speaker}"), 51, cancellationToken: ct), 51)),
            ("entity articles", $"/api/entities/{entityType}/{Uri.EscapeDataString(entityName)}/articles", ct =>
                Drain(tables.EntityArticles.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {entity} and RowKey lt {EntityCatalog.RowsEnd}"), 51, cancellationToken: ct), 51)),
            // A variant of the speaker's name (a title and the surname): the identity is looked up, then its partitions read.
            ("quotes by speaker, as 'Mr. <surname>'", $"/api/quotes?speaker={Uri.EscapeDataString("Mr. " + speakerName.Split(' ')[^1])}", ct =>
                Drain(tables.SpeakerQuotes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {speaker}"), 51, cancellationToken: ct), 51)),
            ("entity list", $"/api/entities?type={entityType}&top=50", ct =>
                Drain(tables.Entities.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {entityType.ToLowerInvariant()}"), 51, cancellationToken: ct), 51)),
            ("article list", "/api/articles?top=50", ct =>
                Drain(tables.Articles.QueryAsync<TableEntity>(maxPerPage: 100, cancellationToken: ct), 100)),
        };

        // Warm every route first, through the API and straight from storage, at the highest connection count: the
        // first route measured should not pay for the JIT's later tiers or the caches' first fills.
        int most = connections.Max();
        using (var warm = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = most }) { BaseAddress = run.Host.BaseAddress })
        {
            foreach (var route in routes)
            {
                await LoadAsync(most, Math.Min(requests, WarmUpRequests), async ct => (await warm.GetAsync(route.Url, ct)).Dispose(), cancellationToken);
                await LoadAsync(most, Math.Min(requests, WarmUpRequests), route.Raw, cancellationToken);
            }
        }

        var results = new List<LoadResult>();
        var trace = run.Diagnostics is null ? null : new List<string> { "route\tthrough\tconnections\tstarted (UTC)\tms" };
        foreach (var route in routes)
        {
            foreach (int c in connections)
            {
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = c }) { BaseAddress = run.Host.BaseAddress };
                await LoadAsync(c, Math.Min(requests, 50), async ct => (await http.GetAsync(route.Url, ct)).Dispose(), cancellationToken); // warm-up
                results.Add(await MeasureAsync(route.Name, "API (HTTP)", c, requests, async ct =>
                {
                    using var response = await http.GetAsync(route.Url, ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    return response.IsSuccessStatusCode;
                }, trace, cancellationToken));
                results.Add(await MeasureAsync(route.Name, "raw Table storage", c, requests, async ct =>
                {
                    await route.Raw(ct);
                    return true;
                }, trace, cancellationToken));
            }
        }
        if (trace is not null)
        {
            await File.WriteAllLinesAsync(Path.Combine(run.Diagnostics!, "queries.tsv"), trace, cancellationToken);
        }
        return results;
    }

    /// <param name="trace">Gets a line per request (when it started, how long it took), to match slow requests with what
    /// else ran at the time; null keeps none.</param>
    private static async Task<LoadResult> MeasureAsync(string route, string through, int connections, int requests, Func<CancellationToken, Task<bool>> call,
        List<string>? trace, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(requests);
        var starts = trace is null ? null : new List<DateTime>(requests);
        int errors = 0;
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        await LoadAsync(connections, requests, async ct =>
        {
            var startedAt = DateTime.UtcNow;
            long started = Stopwatch.GetTimestamp();
            bool ok = await call(ct);
            double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(ms);
                starts?.Add(startedAt);
                errors += ok ? 0 : 1;
            }
        }, cancellationToken);
        if (trace is not null)
        {
            for (int i = 0; i < latencies.Count; i++)
            {
                trace.Add($"{route}\t{through}\t{connections}\t{starts![i]:HH:mm:ss.fff}\t{latencies[i]:F2}");
            }
        }
        return new LoadResult(route, through, connections, requests, errors, watch.Elapsed.TotalSeconds, Latency.Of(latencies),
            (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }

    /// <summary><paramref name="requests"/> calls by <paramref name="workers"/> concurrent workers.</summary>
    private static async Task LoadAsync(int workers, int requests, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        int issued = 0;
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref issued) <= requests)
                {
                    await call(cancellationToken);
                }
            }, cancellationToken);
        }
        await Task.WhenAll(tasks);
    }

    private static async Task Drain(Azure.AsyncPageable<TableEntity> rows, int limit)
    {
        int count = 0;
        await foreach (var _ in rows)
        {
            if (++count >= limit)
            {
                break;
            }
        }
    }

    /// <summary>The partition with the most rows: the busiest entity or speaker of the run.</summary>
    private static async Task<string> LargestPartitionAsync(TableClient table, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            counts[row.PartitionKey] = counts.GetValueOrDefault(row.PartitionKey) + 1;
        }
        return counts.Count == 0 ? "" : counts.MaxBy(c => c.Value).Key;
    }

    private static async Task<T> FirstAsync<T>(TableClient table, string partition, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        await foreach (var row in table.QueryAsync<T>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), 1, cancellationToken: cancellationToken))
        {
            return row;
        }
        throw new InvalidOperationException($"No rows in partition '{partition}'.");
    }
}
