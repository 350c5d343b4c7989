using System.Diagnostics;
using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Evaluation.Bench;

public sealed record StageTime(string Stage, double Seconds, double Share);

/// <summary>Where one thread's extraction time goes, stage by stage, over a corpus (after a warm-up pass).</summary>
public static class StageProfile
{
    public static List<StageTime> Measure(BenchCorpus corpus, int rounds = 2)
    {
        var recognizer = EntityModels.Recognizer;
        var quotes = new QuoteExtractor();
        var summarizer = new FeatureSummarizer();
        var phrases = new KeyPhraseExtractor();
        var times = new double[7];
        // Warm-up as in the throughput run (at least 2 s), so the JIT has compiled every stage's hot code.
        var warm = Stopwatch.StartNew();
        do
        {
            Pass(record: false);
        }
        while (warm.Elapsed < ExtractionThroughput.WarmUp);
        for (int r = 0; r < rounds; r++)
        {
            Pass(record: true);
        }
        string[] names = ["parse", "tokens and sentences", "entity tagger", "dates and canonical entities", "quotes", "summary", "key phrases"];
        double total = times.Sum();
        return names.Select((name, s) => new StageTime(name, times[s], times[s] / total)).ToList();

        void Pass(bool record)
        {
            for (int i = 0; i < corpus.Articles.Count; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                var article = ArticleParser.Parse("a", "a.txt", corpus.Articles[i]);
                long t1 = Stopwatch.GetTimestamp();
                var document = TextDocument.Analyze(article.Text, article.Paragraphs);
                long t2 = Stopwatch.GetTimestamp();
                var mentions = recognizer.Recognize(document);
                long t3 = Stopwatch.GetTimestamp();
                var entities = new EntityExtractor(new Fixed(mentions)).Extract(document);
                long t4 = Stopwatch.GetTimestamp();
                quotes.Extract(document, entities);
                long t5 = Stopwatch.GetTimestamp();
                summarizer.Rank(document, article.Metadata, Summary.MaxSentences);
                long t6 = Stopwatch.GetTimestamp();
                phrases.Extract(document, article.Metadata);
                long t7 = Stopwatch.GetTimestamp();
                if (record)
                {
                    long[] marks = [t0, t1, t2, t3, t4, t5, t6, t7];
                    for (int s = 0; s < times.Length; s++)
                    {
                        times[s] += Stopwatch.GetElapsedTime(marks[s], marks[s + 1]).TotalSeconds;
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
