using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Evaluation.Bench;

/// <summary>Everything one bench run measured, printed as Markdown and saved as JSON.</summary>
public sealed record BenchReport(
    DateTimeOffset Started, string Machine, string Corpus, int CorpusArticles, long CorpusWords,
    Throughput? OneThread, Throughput? AllCores, IReadOnlyList<Throughput> Peers,
    EndToEndResult? Pipeline, EndToEndResult? StorageBaseline, IReadOnlyList<LoadResult> Queries, MemoryResult? LargeArticle)
{
    /// <summary>Azurite's services ran in one process in the end-to-end and baseline runs, not one process each.</summary>
    public bool OneAzuriteProcess { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void WriteMarkdown(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"## Bench: {Corpus}, {CorpusArticles:N0} articles, {CorpusWords:N0} words — {Machine}, {Started:u}");
        if (OneThread is not null)
        {
            output.WriteLine();
            output.WriteLine("### Extraction throughput (parse, entities, quotes, summary, key phrases)");
            output.WriteLine();
            output.WriteLine("| run | words/s | ours (1 thread) / this | seconds per run |");
            output.WriteLine("|---|---:|---:|---|");
            foreach (var t in new[] { OneThread, AllCores! }.Concat(Peers))
            {
                string runs = t.RunSeconds is { } seconds ? string.Join(", ", seconds.Select(s => s.ToString("F2", c))) + " (median)" : t.Seconds.ToString("F2", c);
                output.WriteLine($"| {t.Name} | {t.WordsPerSecond.ToString("N0", c)} | {(OneThread.WordsPerSecond / t.WordsPerSecond).ToString("F2", c)}× | {runs} |");
            }
            output.WriteLine($"\nScaling to {Environment.ProcessorCount} cores: {(AllCores!.WordsPerSecond / OneThread.WordsPerSecond).ToString("F2", c)}×.");
        }
        if (Pipeline is not null)
        {
            output.WriteLine();
            output.WriteLine($"### End to end (local host, scan trigger, fresh Azurite in {(OneAzuriteProcess ? "one process" : "one process per service")})");
            output.WriteLine();
            output.WriteLine("| run | articles | succeeded | seconds | articles/s | upload→queryable p50 / p95 / max (ms) | peak RSS |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            output.WriteLine($"| pipeline | {Pipeline.Articles} | {Pipeline.Succeeded} | {Pipeline.Seconds.ToString("F1", c)} | {Pipeline.ArticlesPerSecond.ToString("F1", c)} | " +
                             $"{Pipeline.UploadToQueryable.P50:F0} / {Pipeline.UploadToQueryable.P95:F0} / {Pipeline.UploadToQueryable.Max:F0} | {Pipeline.HostPeakResidentBytes / 1048576.0:F0} MB |");
            if (StorageBaseline is not null)
            {
                output.WriteLine($"| raw storage baseline | {StorageBaseline.Articles} | {StorageBaseline.Succeeded} | {StorageBaseline.Seconds.ToString("F1", c)} | {StorageBaseline.ArticlesPerSecond.ToString("F1", c)} | – | – |");
                output.WriteLine($"\nPipeline / raw storage baseline: {(Pipeline.ArticlesPerSecond / StorageBaseline.ArticlesPerSecond).ToString("F2", c)}×.");
            }
            output.WriteLine("\nIn the burst every article is uploaded at once, so its latency includes waiting behind the ones before it.");
            if (Pipeline.Paced is { } paced)
            {
                output.WriteLine($"Paced ({paced.Articles} articles uploaded one every {paced.IntervalMs.ToString("F0", c)} ms into the running pipeline, " +
                                 $"{paced.Succeeded} succeeded): upload→queryable p50 / p95 / max " +
                                 $"**{paced.UploadToQueryable.P50.ToString("F0", c)}** / {paced.UploadToQueryable.P95.ToString("F0", c)} / {paced.UploadToQueryable.Max.ToString("F0", c)} ms.");
            }
        }
        if (Queries.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("### Query latency under load");
            output.WriteLine();
            output.WriteLine("| route | through | connections | requests | errors | requests/s | p50 ms | p99 ms | bench GC pauses ms |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var q in Queries)
            {
                output.WriteLine($"| {q.Route} | {q.Through} | {q.Connections} | {q.Requests} | {q.Errors} | {q.RequestsPerSecond.ToString("N0", c)} | {q.Latency.P50.ToString("F1", c)} | {q.Latency.P99.ToString("F1", c)} | {q.ClientGcPauseMs.ToString("F1", c)} |");
            }
            output.WriteLine();
            output.WriteLine($"Every route was first warmed with {QueryLoad.WarmUpRequests} requests through the API and {QueryLoad.WarmUpRequests} straight from storage. " +
                             "Bench GC pauses: how long the measuring process itself was stopped by its garbage collector during the row's requests.");
        }
        if (LargeArticle is not null)
        {
            output.WriteLine();
            output.WriteLine($"### One large article\n\n{LargeArticle.ArticleBytes / 1048576.0:F1} MB, {LargeArticle.Words:N0} words: extracted in {LargeArticle.Seconds:F1} s " +
                             $"({LargeArticle.Entities:N0} entities, {LargeArticle.Quotes:N0} quotes), peak RSS {LargeArticle.PeakResidentBytes / 1048576.0:F0} MB.");
        }
    }
}
