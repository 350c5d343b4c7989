using Pipeline.Articles;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// A first extractive summarizer: a lead-position prior, overlap with the title, and centrality (mean word
/// overlap with the other sentences), with fragments (<c>, he said.</c>) left out and near-duplicates skipped.
/// </summary>
public sealed class CentralitySummarizer : ISummarizer
{
    private const int MinWords = 6;

    public IReadOnlyList<SummarySentence> Rank(TextDocument document, ArticleMetadata metadata, int max)
    {
        var sentences = document.Sentences;
        if (sentences.Length == 0 || max <= 0)
        {
            return [];
        }
        int n = Math.Min(sentences.Length, 400);
        var bags = new HashSet<string>[n];
        for (int i = 0; i < n; i++)
        {
            bags[i] = ContentWords(document, sentences[i].FirstToken, sentences[i].EndToken);
        }
        var title = ContentWords(TextDocument.Analyze(metadata.Title));

        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (!IsEligible(document, sentences[i], bags[i]))
            {
                scores[i] = double.NegativeInfinity;
                continue;
            }
            double centrality = 0;
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    centrality += Overlap(bags[i], bags[j]);
                }
            }
            centrality /= Math.Max(1, n - 1);
            scores[i] = 1.0 / Math.Sqrt(1 + i) + 0.6 * Overlap(bags[i], title) + 1.5 * centrality;
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));

        var ranked = new List<SummarySentence>(max);
        foreach (int i in order)
        {
            if (ranked.Count == max || double.IsNegativeInfinity(scores[i]))
            {
                break;
            }
            bool redundant = false;
            foreach (var chosen in ranked)
            {
                redundant |= Overlap(bags[i], bags[chosen.Index]) > 0.6;
            }
            if (!redundant)
            {
                var span = sentences[i].Span;
                ranked.Add(new SummarySentence(i, ranked.Count, span, span.Slice(document.Text).ToString(), Math.Round(scores[i], 4)));
            }
        }
        return ranked;
    }

    private static bool IsEligible(TextDocument document, Sentence sentence, HashSet<string> words)
    {
        var first = document[document.Tokens[sentence.FirstToken]];
        return words.Count >= 3 && sentence.TokenCount >= MinWords && !CharClass.IsLower(first[0])
               && first is not ("," or ";" or ":" or ")");
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        int shared = 0;
        foreach (var w in a)
        {
            if (b.Contains(w))
            {
                shared++;
            }
        }
        return shared / Math.Sqrt((double)a.Count * b.Count);
    }

    private static HashSet<string> ContentWords(TextDocument document) =>
        ContentWords(document, 0, document.Tokens.Length);

    private static HashSet<string> ContentWords(TextDocument document, int from, int to)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int t = from; t < to; t++)
        {
            var token = document.Tokens[t];
            if (token.Kind == TokenKind.Word && token.Length > 3)
            {
                words.Add(document[token].ToString());
            }
        }
        return words;
    }
}
