using System.Diagnostics;
using System.Globalization;
using Pipeline.Articles;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Evaluation.Summaries;

/// <summary>
/// Articles per second on one thread: text analysis (tokens, sentences), ranking, and both together, after a
/// warm-up pass so the JIT has tiered up. A benchmark prints numbers; it asserts nothing.
/// </summary>
public static class SummaryBenchmark
{
    public static void Run(IReadOnlyList<string> articles, ISummarizer summarizer, int rounds, TextWriter output)
    {
        var metadata = new ArticleMetadata("", null, null, null, null);
        long words = 0;
        foreach (var article in articles)
        {
            words += CountWords(article);
        }
        // Warm-up: JIT tiering and the word table see the vocabulary once.
        foreach (var article in articles)
        {
            summarizer.Rank(TextDocument.Analyze(article), metadata, Summary.MaxSentences);
        }

        var documents = new TextDocument[articles.Count];
        var analyze = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < articles.Count; i++)
            {
                documents[i] = TextDocument.Analyze(articles[i]);
            }
        }
        analyze.Stop();

        var rank = Stopwatch.StartNew();
        int sink = 0;
        for (int r = 0; r < rounds; r++)
        {
            foreach (var document in documents)
            {
                sink += summarizer.Rank(document, metadata, Summary.MaxSentences).Count;
            }
        }
        rank.Stop();

        var both = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            foreach (var article in articles)
            {
                sink += summarizer.Rank(TextDocument.Analyze(article), metadata, Summary.MaxSentences).Count;
            }
        }
        both.Stop();

        GC.KeepAlive(sink);
        int n = articles.Count * rounds;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{articles.Count} articles x {rounds} rounds, {words / (double)articles.Count:F0} words per article on average, one thread, {summarizer.GetType().Name} ranking {Summary.MaxSentences} sentences"));
        output.WriteLine(string.Create(c, $"analyze (tokenize + split):  {n / analyze.Elapsed.TotalSeconds,8:F0} articles/s"));
        output.WriteLine(string.Create(c, $"rank (features + model):     {n / rank.Elapsed.TotalSeconds,8:F0} articles/s"));
        output.WriteLine(string.Create(c, $"analyze + rank:              {n / both.Elapsed.TotalSeconds,8:F0} articles/s  ({both.Elapsed.TotalMilliseconds * 1000 / n:F0} µs per article)"));
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char ch in text)
        {
            bool space = char.IsWhiteSpace(ch);
            if (!space && !inWord)
            {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
