using Pipeline.Evaluation.Hosting;
using Pipeline.Evaluation.Summaries;

namespace Pipeline.Evaluation.Bench;

/// <summary>
/// The articles a benchmark runs on: real news from a CNN/DailyMail JSONL or a folder of <c>.txt</c> articles, or
/// variants of the seed without either. The JSONL's articles have lost their paragraph breaks; a folder's keep theirs.
/// </summary>
public sealed record BenchCorpus(string Source, IReadOnlyList<string> Articles)
{
    public long Words { get; } = CountWords(Articles);

    /// <param name="path">A JSONL of <c>{id, article, highlights}</c>, or a folder whose <c>.txt</c> files are articles (read in
    /// name order); null for seed variants.</param>
    /// <param name="count">Articles wanted; the corpus is cycled when it has fewer.</param>
    public static BenchCorpus Load(string? path, int count)
    {
        var articles = new List<string>(count);
        if (path is null)
        {
            for (int i = 0; i < count; i++)
            {
                articles.Add(SeedVariants.Text(i));
            }
            return new BenchCorpus("seed variants", articles);
        }
        var texts = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : SummaryCorpus.Read(path).Select(pair => pair.Article).ToList();
        if (texts.Count == 0)
        {
            throw new InvalidOperationException($"{path} holds no articles.");
        }
        for (int i = 0; i < count; i++)
        {
            articles.Add(texts[i % texts.Count]);
        }
        return new BenchCorpus(Directory.Exists(path) ? Path.GetRelativePath(Environment.CurrentDirectory, path) : Path.GetFileName(path), articles);
    }

    /// <summary>Words as every peer counts them: runs of non-whitespace.</summary>
    public static long CountWords(IEnumerable<string> texts)
    {
        long words = 0;
        foreach (var text in texts)
        {
            bool inWord = false;
            foreach (char c in text)
            {
                bool space = char.IsWhiteSpace(c);
                if (!space && !inWord)
                {
                    words++;
                }
                inWord = !space;
            }
        }
        return words;
    }
}
