using Pipeline.Articles;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// Extractive summarizer: scores every eligible body sentence with a linear model over position, length,
/// centrality, similarity to the lead and quote/attribution features (<see cref="SentenceFeatures"/>), trained on
/// greedy-oracle labels, then picks the best sentences while skipping ones that repeat a chosen sentence. Datelines,
/// bylines, fragments and page furniture are never returned (<see cref="SentenceEligibility"/>). Works on raw,
/// tokenized and lower-cased text alike. Thread-safe; the model is loaded once.
/// </summary>
public sealed class FeatureSummarizer(SentenceScorerModel model) : ISummarizer
{
    /// <summary>
    /// Only the first body sentences are candidates. News puts what matters first, and this bounds the pairwise
    /// centrality work on very long inputs (10,000 sentences cost no more than 200).
    /// </summary>
    public const int MaxCandidates = 200;

    public FeatureSummarizer()
        : this(SentenceScorerModel.Default)
    {
    }

    public SentenceScorerModel Model { get; } = model;

    public IReadOnlyList<SummarySentence> Rank(TextDocument document, ArticleMetadata metadata, int max)
    {
        var sentences = document.Sentences;
        int body = document.HeaderSentences;
        if (max <= 0 || sentences.Length <= body)
        {
            return [];
        }
        int candidates = Math.Min(sentences.Length, body + MaxCandidates);
        var scores = Score(document, candidates, out var terms);
        return Select(document, terms, scores, body, max);
    }

    /// <summary>Model scores of sentences <c>[0, candidates)</c>; ineligible ones get negative infinity.</summary>
    internal float[] Score(TextDocument document, int candidates, out DocumentTerms terms)
    {
        terms = DocumentTerms.Build(document, candidates);
        int width = SentenceFeatures.Count;
        var features = new float[candidates * width];
        SentenceFeatures.Compute(document, terms, candidates, features);
        bool caseless = TextStyle.Detect(document.Text, document.Tokens).Caseless;
        var scores = new float[candidates];
        for (int s = 0; s < candidates; s++)
        {
            scores[s] = SentenceEligibility.IsEligible(document, s, terms, caseless)
                ? Model.Score(features.AsSpan(s * width, width))
                : float.NegativeInfinity;
        }
        return scores;
    }

    private List<SummarySentence> Select(TextDocument document, DocumentTerms terms, float[] scores, int body, int max)
    {
        int n = scores.Length;
        var order = new int[n - body];
        for (int i = body; i < n; i++)
        {
            order[i - body] = i;
        }
        // Best first; ties go to the earlier sentence.
        Array.Sort(order, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));

        var chosen = new List<SummarySentence>(Math.Min(max, order.Length));
        var vectors = new List<SparseVector>(max);
        foreach (int i in order)
        {
            if (chosen.Count == max || float.IsNegativeInfinity(scores[i]))
            {
                break;
            }
            var vector = terms.Vectors[i];
            bool redundant = false;
            foreach (var previous in vectors)
            {
                redundant |= SparseVector.Containment(vector, previous) > Model.Redundancy;
            }
            if (!redundant)
            {
                vectors.Add(vector);
                chosen.Add(Make(document, i, chosen.Count, scores[i]));
            }
        }
        if (chosen.Count == 0)
        {
            // Nothing eligible (a one-line note, a list of names): the longest body sentence is still a summary.
            int best = body;
            for (int i = body + 1; i < n; i++)
            {
                if (terms.Words[i] > terms.Words[best])
                {
                    best = i;
                }
            }
            if (terms.Words[best] >= 3)
            {
                chosen.Add(Make(document, best, 0, 0));
            }
        }
        return chosen;
    }

    private static SummarySentence Make(TextDocument document, int index, int rank, float score)
    {
        var span = document.Sentences[index].Span;
        return new SummarySentence(index, rank, span, span.Slice(document.Text).ToString(), Math.Round(score, 4));
    }
}
