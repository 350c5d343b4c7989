using Pipeline.Articles;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// Lead-k, the baseline every news summarizer is measured against: the first body sentences in order (after
/// any dateline or byline, which are not sentences). Ranked best-first means first-first.
/// </summary>
public sealed class LeadSummarizer : ISummarizer
{
    public IReadOnlyList<SummarySentence> Rank(TextDocument document, ArticleMetadata metadata, int max)
    {
        var sentences = document.Sentences;
        var ranked = new List<SummarySentence>(Math.Max(0, Math.Min(max, sentences.Length)));
        for (int i = document.HeaderSentences; i < sentences.Length && ranked.Count < max; i++)
        {
            var span = sentences[i].Span;
            ranked.Add(new SummarySentence(i, ranked.Count, span, span.Slice(document.Text).ToString(), -ranked.Count));
        }
        return ranked;
    }
}
