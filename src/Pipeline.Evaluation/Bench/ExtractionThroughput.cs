using System.Diagnostics;
using Pipeline.Articles;
using Pipeline.Extraction;

namespace Pipeline.Evaluation.Bench;

/// <summary>Words per second of one runner; with several runs, the median run's, and every run's seconds beside it.</summary>
public sealed record Throughput(string Name, long Words, double Seconds, double[]? RunSeconds = null)
{
    public double WordsPerSecond => Seconds > 0 ? Words / Seconds : 0;

    /// <summary>One throughput from several runs of the same work: the median time, every run kept.</summary>
    public static Throughput Median(IReadOnlyList<Throughput> runs)
    {
        var seconds = runs.Select(r => r.Seconds).ToArray();
        var sorted = seconds.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Throughput(runs[0].Name, runs[0].Words, median, runs.Count > 1 ? seconds : null);
    }
}

/// <summary>
/// Words per second for the whole extraction (parse, tokens and sentences, entities, quotes, summary, key phrases),
/// on one thread and on all cores, after a warm-up pass.
/// </summary>
public static class ExtractionThroughput
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Warm-up, the same for every runner (bench/peers/*.mjs do likewise): articles in turn for at least 2 s (and 20
    /// articles), so the JIT has compiled the hot code before the clock starts.
    /// </summary>
    public static void Warm(ArticleExtractor extractor, BenchCorpus corpus)
    {
        var articles = corpus.Articles;
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 20 || warm.Elapsed < WarmUp; i++)
        {
            Extract(extractor, articles[i % articles.Count], i % articles.Count);
        }
    }

    /// <summary>One pass over the corpus on one thread.</summary>
    public static Throughput OneThread(ArticleExtractor extractor, BenchCorpus corpus)
    {
        var articles = corpus.Articles;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < articles.Count; i++)
        {
            Extract(extractor, articles[i], i);
        }
        return new Throughput("ours, 1 thread", corpus.Words, watch.Elapsed.TotalSeconds);
    }

    /// <summary>One pass over the corpus on every core.</summary>
    public static Throughput AllCores(ArticleExtractor extractor, BenchCorpus corpus)
    {
        var articles = corpus.Articles;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => Extract(extractor, articles[i], i));
        return new Throughput($"ours, {Environment.ProcessorCount} threads", corpus.Words, watch.Elapsed.TotalSeconds);
    }

    private static ExtractionResult Extract(ArticleExtractor extractor, string text, int index) =>
        extractor.Extract(ArticleParser.Parse($"a{index}", $"a{index}.txt", text));
}
