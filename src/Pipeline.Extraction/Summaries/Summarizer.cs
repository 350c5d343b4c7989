using Pipeline.Articles;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>A sentence chosen for the summary, with its rank (0 = best) and index in the article.</summary>
public sealed record SummarySentence(int Index, int Rank, TextSpan Span, string Text, double Score);

/// <summary>Ranks an article's sentences for an extractive summary.</summary>
public interface ISummarizer
{
    /// <summary>Up to <paramref name="max"/> sentences, best first.</summary>
    IReadOnlyList<SummarySentence> Rank(TextDocument document, ArticleMetadata metadata, int max);
}

/// <summary>Picks the summary of a requested length from ranked sentences.</summary>
public static class Summary
{
    public const int DefaultSentences = 3;

    /// <summary>How many ranked sentences are stored per article, and so the most <c>?sentences=</c> can ask for.</summary>
    public const int MaxSentences = 10;

    /// <summary>The <paramref name="count"/> best of <paramref name="ranked"/> (best first), in document order.</summary>
    public static List<T> Take<T>(IReadOnlyList<T> ranked, int count, Func<T, int> index)
    {
        var chosen = new List<T>(Math.Min(count, ranked.Count));
        for (int i = 0; i < ranked.Count && chosen.Count < count; i++)
        {
            chosen.Add(ranked[i]);
        }
        chosen.Sort((a, b) => index(a).CompareTo(index(b)));
        return chosen;
    }
}
