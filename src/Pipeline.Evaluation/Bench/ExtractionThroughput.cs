using System.Diagnostics;
using Pipeline.Articles;
using Pipeline.Extraction;

namespace Pipeline.Evaluation.Bench;

public sealed record Throughput(string Name, long Words, double Seconds)
{
    public double WordsPerSecond => Seconds > 0 ? Words / Seconds : 0;
}

/// <summary>
/// Words per second for the whole extraction (parse, tokens and sentences, entities, quotes, summary, key phrases),
/// on one thread and on all cores, after a warm-up pass.
/// </summary>
public static class ExtractionThroughput
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static (Throughput OneThread, Throughput AllCores) Measure(ArticleExtractor extractor, BenchCorpus corpus, int rounds)
    {
        var articles = corpus.Articles;
        // Warm-up, the same for every runner (bench/peers/*.mjs do likewise): articles in turn for at least 2 s (and
        // 20 articles), so the JIT has compiled the hot code before the clock starts.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 20 || warm.Elapsed < WarmUp; i++)
        {
            Extract(extractor, articles[i % articles.Count], i % articles.Count);
        }

        var watch = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < articles.Count; i++)
            {
                Extract(extractor, articles[i], i);
            }
        }
        var one = new Throughput("ours, 1 thread", corpus.Words * rounds, watch.Elapsed.TotalSeconds);

        watch.Restart();
        for (int r = 0; r < rounds; r++)
        {
            Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => Extract(extractor, articles[i], i));
        }
        var all = new Throughput($"ours, {Environment.ProcessorCount} threads", corpus.Words * rounds, watch.Elapsed.TotalSeconds);
        return (one, all);
    }

    private static ExtractionResult Extract(ArticleExtractor extractor, string text, int index) =>
        extractor.Extract(ArticleParser.Parse($"a{index}", $"a{index}.txt", text));
}
