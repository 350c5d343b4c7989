using System.Diagnostics;
using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Evaluation.Bench;

/// <summary>One stage's share of the measured rounds: time, and bytes it allocated (what the GC has to collect).</summary>
public sealed record StageTime(string Stage, double Seconds, double Share, long AllocatedBytes);

/// <summary>
/// Where one thread's extraction time goes, stage by stage, over a corpus (after a warm-up pass): each article's stage
/// time is the least of <c>rounds</c> passes, so that moments when another process held the core drop out, and the
/// times are of one pass over the corpus.
/// </summary>
public static class StageProfile
{
    /// <param name="quotes">The quote stage to time; the shipped model when null.</param>
    public static List<StageTime> Measure(BenchCorpus corpus, int rounds = 5, IQuoteExtractor? quotes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var recognizer = EntityModels.Recognizer;
        quotes ??= QuoteModels.Extractor;
        var summarizer = new FeatureSummarizer();
        var phrases = new KeyPhraseExtractor();
        var times = new double[7];
        var allocated = new long[7];
        var least = new double[corpus.Articles.Count * times.Length];
        Array.Fill(least, double.MaxValue);
        // Warm-up as in the throughput run (at least 2 s), so the JIT has compiled every stage's hot code.
        var warm = Stopwatch.StartNew();
        do
        {
            Pass(record: false);
        }
        while (warm.Elapsed < ExtractionThroughput.WarmUp);
        for (int r = 0; r < rounds; r++)
        {
            Pass(record: true, first: r == 0);
        }
        for (int i = 0; i < corpus.Articles.Count; i++)
        {
            for (int s = 0; s < times.Length; s++)
            {
                times[s] += least[i * times.Length + s];
            }
        }
        string[] names = ["parse", "tokens and sentences", "entity tagger", "dates and canonical entities", "quotes", "summary", "key phrases"];
        double total = times.Sum();
        return names.Select((name, s) => new StageTime(name, times[s], times[s] / total, allocated[s])).ToList();

        void Pass(bool record, bool first = false)
        {
            Span<long> bytes = stackalloc long[8];
            for (int i = 0; i < corpus.Articles.Count; i++)
            {
                bytes[0] = GC.GetAllocatedBytesForCurrentThread();
                long t0 = Stopwatch.GetTimestamp();
                var article = ArticleParser.Parse("a", "a.txt", corpus.Articles[i]);
                long t1 = Stopwatch.GetTimestamp();
                bytes[1] = GC.GetAllocatedBytesForCurrentThread();
                var document = TextDocument.Analyze(article.Text, article.Paragraphs);
                long t2 = Stopwatch.GetTimestamp();
                bytes[2] = GC.GetAllocatedBytesForCurrentThread();
                var mentions = recognizer.Recognize(document);
                long t3 = Stopwatch.GetTimestamp();
                bytes[3] = GC.GetAllocatedBytesForCurrentThread();
                var entities = new EntityExtractor(new Fixed(mentions)).Extract(document);
                long t4 = Stopwatch.GetTimestamp();
                bytes[4] = GC.GetAllocatedBytesForCurrentThread();
                quotes.Extract(document, entities);
                long t5 = Stopwatch.GetTimestamp();
                bytes[5] = GC.GetAllocatedBytesForCurrentThread();
                summarizer.Rank(document, article.Metadata, Summary.MaxSentences);
                long t6 = Stopwatch.GetTimestamp();
                bytes[6] = GC.GetAllocatedBytesForCurrentThread();
                phrases.Extract(document, article.Metadata);
                long t7 = Stopwatch.GetTimestamp();
                bytes[7] = GC.GetAllocatedBytesForCurrentThread();
                if (record)
                {
                    long[] marks = [t0, t1, t2, t3, t4, t5, t6, t7];
                    for (int s = 0; s < times.Length; s++)
                    {
                        ref double time = ref least[i * times.Length + s];
                        time = Math.Min(time, Stopwatch.GetElapsedTime(marks[s], marks[s + 1]).TotalSeconds);
                        allocated[s] += first ? bytes[s + 1] - bytes[s] : 0;
                    }
                }
            }
        }
    }

    /// <summary>Returns mentions found beforehand, so the resolver is timed apart from the tagger.</summary>
    private sealed class Fixed(EntityMention[] mentions) : IEntityRecognizer
    {
        public EntityMention[] Recognize(TextDocument document) => mentions;
    }
}
