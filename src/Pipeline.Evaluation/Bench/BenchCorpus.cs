using Pipeline.Evaluation.Hosting;

namespace Pipeline.Evaluation.Bench;

/// <summary>
/// The articles a benchmark runs on: real news (<see cref="NewsCorpus"/>), or variants of the seed without it. The
/// JSONL's articles have lost their paragraph breaks; a folder's keep theirs.
/// </summary>
public sealed record BenchCorpus(string Source, IReadOnlyList<string> Articles)
{
    public long Words { get; } = CountWords(Articles);

    /// <param name="path">What <see cref="NewsCorpus.Read"/> reads (a JSONL of <c>{id, article, highlights}</c>, a folder of
    /// <c>.txt</c> articles, a CoNLL-2003 file); null for seed variants.</param>
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
        var texts = NewsCorpus.Read(path);
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
