using System.Diagnostics;
using System.Text.Json;
using Pipeline.Extraction;

namespace Pipeline.Evaluation.Bench;

/// <summary>What a bench run measures, and at what scale.</summary>
/// <param name="DataPath">A CNN/DailyMail JSONL; null uses variants of the seed.</param>
/// <param name="Articles">Articles for the end-to-end run (the throughput run uses the whole corpus).</param>
/// <param name="MemoryCommand">How to start a fresh process for the large-article check; null skips it.</param>
/// <param name="ThroughputRuns">Interleaved runs of ours and wink-nlp (compromise, 20× slower, runs once); the medians are compared.</param>
/// <param name="Diagnostics">A folder for the end-to-end run's per-article timeline, the per-request query timings and the host's log; null writes none.</param>
/// <param name="OneAzuriteProcess">Azurite's services in one process, not one process each as the run command starts them.</param>
public sealed record BenchOptions(
    string? DataPath, int Articles = 1_000, int Requests = 2_000, int[]? Connections = null, bool Peers = true,
    bool EndToEnd = true, long LargeArticleBytes = 5 * 1024 * 1024, Func<long, ProcessStartInfo>? MemoryCommand = null,
    int ThroughputArticles = 1_000, int PacedArticles = 30, int PacedIntervalMs = 1_000, int ThroughputRuns = 3, string? Diagnostics = null, bool OneAzuriteProcess = false);

/// <summary>Runs the measurements side by side in one process, so their ratios hold on a shared, noisy machine.</summary>
public static class BenchRunner
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, ArticleExtractor extractor, TextWriter log, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        Throughput? one = null, all = null;
        var peers = new List<Throughput>();
        var corpus = BenchCorpus.Load(options.DataPath, Math.Max(1, options.ThroughputArticles));
        if (options.ThroughputArticles > 0)
        {
            log.WriteLine($"corpus: {corpus.Source}, {corpus.Articles.Count} articles, {corpus.Words:N0} words");
            // Ours and wink-nlp (the close race) take turns, so a noisy minute on the shared machine hits both; each
            // is then the median of its runs.
            log.WriteLine("extraction throughput…");
            ExtractionThroughput.Warm(extractor, corpus);
            List<Throughput> ones = [], alls = [], winks = [];
            for (int run = 0; run < Math.Max(1, options.ThroughputRuns); run++)
            {
                ones.Add(ExtractionThroughput.OneThread(extractor, corpus));
                alls.Add(ExtractionThroughput.AllCores(extractor, corpus));
                if (options.Peers)
                {
                    log.WriteLine($"peer wink.mjs, run {run + 1}…");
                    winks.Add(await PeerThroughput.MeasureAsync("wink.mjs", corpus, rounds: 1, cancellationToken));
                }
            }
            (one, all) = (Throughput.Median(ones), Throughput.Median(alls));
            if (options.Peers)
            {
                log.WriteLine("peer compromise.mjs…");
                peers.Add(await PeerThroughput.MeasureAsync("compromise.mjs", corpus, rounds: 1, cancellationToken));
                peers.Add(Throughput.Median(winks));
            }
        }

        EndToEndResult? pipeline = null, baseline = null;
        var queries = new List<LoadResult>();
        if (options.EndToEnd)
        {
            var e2eCorpus = BenchCorpus.Load(options.DataPath, options.Articles);
            log.WriteLine($"end to end: {options.Articles} articles…");
            var (run, result) = await EndToEndRun.RunAsync(e2eCorpus, TimeSpan.FromMinutes(30), options.Diagnostics, !options.OneAzuriteProcess, cancellationToken);
            await using (run)
            {
                pipeline = result;
                if (options.PacedArticles > 0)
                {
                    log.WriteLine($"paced uploads: {options.PacedArticles} articles, one every {options.PacedIntervalMs} ms…");
                    var paced = await run.RunPacedAsync(BenchCorpus.Load(options.DataPath, options.PacedArticles),
                        TimeSpan.FromMilliseconds(options.PacedIntervalMs), TimeSpan.FromMinutes(2), cancellationToken);
                    pipeline = pipeline with { Paced = paced };
                }
                log.WriteLine("query load…");
                queries = await QueryLoad.RunAsync(run, options.Requests, options.Connections ?? [1, 8, 32], cancellationToken);
                pipeline = pipeline with { HostPeakResidentBytes = run.Host.PeakResidentBytes };
            }
            log.WriteLine("raw storage baseline…");
            baseline = await StorageBaseline.RunAsync(e2eCorpus, extractor, !options.OneAzuriteProcess, cancellationToken);
        }

        MemoryResult? large = null;
        if (options.MemoryCommand is not null && options.LargeArticleBytes > 0)
        {
            log.WriteLine($"one article of {options.LargeArticleBytes:N0} bytes…");
            large = await RunMemoryCheckAsync(options.MemoryCommand(options.LargeArticleBytes), cancellationToken);
        }

        return new BenchReport(started, $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", corpus.Source, corpus.Articles.Count, corpus.Words,
            one, all, peers, pipeline, baseline, queries, large)
        {
            OneAzuriteProcess = options.OneAzuriteProcess,
        };
    }

    private static async Task<MemoryResult> RunMemoryCheckAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The large-article check failed ({process.ExitCode}): {error}");
        }
        return JsonSerializer.Deserialize<MemoryResult>(output.Trim().Split('\n')[^1], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
