using System.Diagnostics;
using System.Text;
using Pipeline.Articles;
using Pipeline.Evaluation.Hosting;
using Pipeline.Extraction;

namespace Pipeline.Evaluation.Bench;

public sealed record MemoryResult(long ArticleBytes, long Words, double Seconds, long PeakResidentBytes, int Entities, int Quotes);

/// <summary>One very large article (default 5 MB, made of corpus articles) extracted in a fresh process: time and peak memory.</summary>
public static class MemoryCheck
{
    /// <summary>Runs in this process; call it in a fresh one (<c>pipeline bench memory</c>) so the peak is the article's own.</summary>
    public static MemoryResult RunInProcess(ArticleExtractor extractor, BenchCorpus corpus, long bytes)
    {
        var text = new StringBuilder((int)Math.Min(bytes + 1024, int.MaxValue));
        text.Append("A very long article\n");
        for (int i = 0; text.Length < bytes; i++)
        {
            text.Append(corpus.Articles[i % corpus.Articles.Count]).Append('\n');
        }
        var content = text.ToString();
        var watch = Stopwatch.StartNew();
        var result = extractor.Extract(ArticleParser.Parse("big", "big.txt", content));
        watch.Stop();
        return new MemoryResult(Encoding.UTF8.GetByteCount(content), BenchCorpus.CountWords([content]), watch.Elapsed.TotalSeconds,
            ProcessMemory.PeakResidentBytes(), result.Entities.Count, result.Quotes.Count);
    }
}
