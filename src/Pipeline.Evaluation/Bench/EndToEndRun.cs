using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Evaluation.Hosting;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Evaluation.Bench;

public sealed record EndToEndResult(int Articles, int Succeeded, double Seconds, Latency UploadToQueryable, long HostPeakResidentBytes)
{
    /// <summary>Upload→queryable of articles arriving one at a time into the running pipeline (null: not measured).</summary>
    public PacedResult? Paced { get; init; }

    public double ArticlesPerSecond => Seconds > 0 ? Succeeded / Seconds : 0;
}

/// <summary>
/// The pipeline as users run it: a fresh Azurite, the local host in its own process, N articles uploaded; the
/// clock runs from the first upload to the last article's final status, and each article's latency runs from its
/// upload to the moment its results became queryable (its status row's last write).
/// </summary>
public sealed class EndToEndRun : IAsyncDisposable
{
    private EndToEndRun(AzuriteServer azurite, LocalHostProcess host, ServiceProvider services, string? diagnostics)
    {
        Azurite = azurite;
        Host = host;
        Services = services;
        Diagnostics = diagnostics;
    }

    public AzuriteServer Azurite { get; }
    public LocalHostProcess Host { get; }
    public ServiceProvider Services { get; }

    /// <summary>The folder for diagnostics files, or null when the run writes none.</summary>
    public string? Diagnostics { get; }

    public static string BlobName(int index) => $"bench/article-{index:D5}.txt";

    /// <summary>How often the run looks whether every article is done.</summary>
    private static readonly TimeSpan LookInterval = TimeSpan.FromSeconds(5);

    /// <param name="diagnostics">A folder for <c>timeline.tsv</c> (article, upload, start, finish: seconds from the first
    /// upload) and, at the end, <c>host.log</c>; null writes neither.</param>
    /// <param name="separateServices">Azurite as one process per service, as the run command starts it.</param>
    public static async Task<(EndToEndRun Run, EndToEndResult Result)> RunAsync(BenchCorpus corpus, TimeSpan timeout, string? diagnostics, bool separateServices, CancellationToken cancellationToken)
    {
        // With diagnostics, Azurite's node processes also log each garbage collection (a pause there stalls every request).
        var azurite = new AzuriteServer(separateServices: separateServices, traceGc: diagnostics is not null);
        await azurite.StartAsync();
        // With diagnostics, the host also logs each run of its timer function, to match against the query timings.
        var host = await LocalHostProcess.StartAsync(azurite.ConnectionString,
            diagnostics is null ? [] : ["--Logging:LogLevel:Pipeline.LocalHost.TimerTriggers", "Information"]);
        var services = BenchServices.For(azurite.ConnectionString);
        var run = new EndToEndRun(azurite, host, services, diagnostics);
        var blobs = services.GetRequiredService<ArticleBlobs>();
        await blobs.EnsureContainerAsync(cancellationToken);

        int n = corpus.Articles.Count;
        var uploaded = new DateTimeOffset[n];
        var start = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            await blobs.Container.GetBlobClient(BlobName(i)).UploadAsync(BinaryData.FromString(corpus.Articles[i]), overwrite: true, ct);
            uploaded[i] = DateTimeOffset.UtcNow;
        });

        var tables = services.GetRequiredService<PipelineTables>();
        var deadline = Stopwatch.StartNew();
        Dictionary<string, ArticleRow> rows;
        while (true)
        {
            rows = await ReadRowsAsync(tables, cancellationToken);
            int final = rows.Values.Count(r => r.Status is ArticleStatus.Succeeded or ArticleStatus.Failed);
            if (final >= n || deadline.Elapsed > timeout)
            {
                break;
            }
            // Each look reads and decodes every article's status row: a load on the two cores that the baseline does
            // not carry (once a second, about a tenth of a core). Times come from the rows' own UpdatedAt, so looking
            // every few seconds loses nothing.
            await Task.Delay(LookInterval, cancellationToken);
        }

        var latencies = new List<double>(n);
        var last = start;
        int succeeded = 0;
        for (int i = 0; i < n; i++)
        {
            if (rows.TryGetValue(ArticleId.FromBlobName(BlobName(i)), out var row) && row.Status == ArticleStatus.Succeeded)
            {
                succeeded++;
                latencies.Add(Math.Max(0, (row.UpdatedAt - uploaded[i]).TotalMilliseconds));
                if (row.UpdatedAt > last)
                {
                    last = row.UpdatedAt;
                }
            }
        }
        if (diagnostics is not null)
        {
            Directory.CreateDirectory(diagnostics);
            var lines = new List<string>(n + 1) { "article\tuploaded\tstarted\tfinished" };
            for (int i = 0; i < n; i++)
            {
                var row = rows.GetValueOrDefault(ArticleId.FromBlobName(BlobName(i)));
                lines.Add(row is null ? $"{i}\t{(uploaded[i] - start).TotalSeconds:F3}\t\t"
                    : $"{i}\t{(uploaded[i] - start).TotalSeconds:F3}\t{(row.CreatedAt - start).TotalSeconds:F3}\t{(row.UpdatedAt - start).TotalSeconds:F3}");
            }
            await File.WriteAllLinesAsync(Path.Combine(diagnostics, "timeline.tsv"), lines, cancellationToken);
        }
        return (run, new EndToEndResult(n, succeeded, (last - start).TotalSeconds, Latency.Of(latencies), host.PeakResidentBytes));
    }

    /// <summary>
    /// Articles arriving one at a time, as a newsroom uploads them: one every <paramref name="interval"/>, each timed
    /// from its upload to its results being queryable (its row read as succeeded; polled every 50 ms). Unlike the
    /// burst above, where an article waits behind the ones uploaded before it, this is the delay a user sees.
    /// </summary>
    public async Task<PacedResult> RunPacedAsync(BenchCorpus corpus, TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var blobs = Services.GetRequiredService<ArticleBlobs>();
        var tables = Services.GetRequiredService<PipelineTables>();
        int n = corpus.Articles.Count;
        var waits = new Task<double?>[n];
        for (int i = 0; i < n; i++)
        {
            string name = $"bench/paced-{i:D5}.txt";
            await blobs.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(corpus.Articles[i]), overwrite: true, cancellationToken);
            waits[i] = WaitUntilQueryableAsync(tables, ArticleId.FromBlobName(name), Stopwatch.StartNew(), timeout, cancellationToken);
            await Task.Delay(interval, cancellationToken);
        }
        var latencies = new List<double>(n);
        foreach (var wait in waits)
        {
            if (await wait is { } ms)
            {
                latencies.Add(ms);
            }
        }
        return new PacedResult(n, latencies.Count, interval.TotalMilliseconds, Latency.Of(latencies));
    }

    private static async Task<double?> WaitUntilQueryableAsync(PipelineTables tables, string id, Stopwatch since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (since.Elapsed < timeout)
        {
            var row = await tables.Articles.GetEntityIfExistsAsync<ArticleRow>(id, ArticleRow.RowKeyValue, ["Status"], cancellationToken);
            if (row.HasValue && row.Value!.Status == ArticleStatus.Succeeded)
            {
                return since.Elapsed.TotalMilliseconds;
            }
            await Task.Delay(50, cancellationToken);
        }
        return null;
    }

    private static async Task<Dictionary<string, ArticleRow>> ReadRowsAsync(PipelineTables tables, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var rows = new Dictionary<string, ArticleRow>(StringComparer.Ordinal);
        await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(select: ["PartitionKey", "RowKey", "Status", "CreatedAt", "UpdatedAt"], cancellationToken: cancellationToken))
        {
            rows[row.PartitionKey] = row;
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (Diagnostics is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(Diagnostics, "host.log"), Host.Output);
            await File.WriteAllTextAsync(Path.Combine(Diagnostics, "azurite.log"), Azurite.Output);
        }
        await Host.DisposeAsync();
        await Services.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>Articles uploaded one at a time every <paramref name="IntervalMs"/>, and how soon each became queryable.</summary>
public sealed record PacedResult(int Articles, int Succeeded, double IntervalMs, Latency UploadToQueryable);

/// <summary>The pipeline's services against a storage account, for a benchmark's own reads and writes.</summary>
public static class BenchServices
{
    public static ServiceProvider For(string connectionString) => new ServiceCollection()
        .AddLogging()
        .AddPipeline(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PipelineOptions.Connection] = connectionString }).Build())
        .BuildServiceProvider();
}
