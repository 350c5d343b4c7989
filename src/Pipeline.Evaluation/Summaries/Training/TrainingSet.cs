using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Evaluation.Summaries.Training;

/// <summary>One article's candidate sentences as feature rows, with which of them the greedy oracle picks.</summary>
/// <param name="Gains">Per sentence, the mean of its own ROUGE-1 and ROUGE-2 F1 against the reference.</param>
internal sealed record TrainingDocument(float[] Features, bool[] Eligible, bool[] Labels, float[] Gains, int Body, int Candidates);

/// <summary>
/// Turns summary pairs into training rows: the same analysis, features and eligibility the summarizer uses at run
/// time, and greedy-oracle labels (up to <see cref="OracleSentences"/> sentences) from the reference.
/// </summary>
internal static class TrainingSet
{
    public const int OracleSentences = 3;

    public static TrainingDocument[] Build(IReadOnlyList<SummaryPair> pairs, bool lowercaseTokenized)
    {
        var result = new TrainingDocument[pairs.Count];
        var scorer = new RougeScorer();
        // Documents are independent; two workers keep the shared machine usable.
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            result[i] = BuildOne(pairs[i], lowercaseTokenized, scorer);
        });
        return result;
    }

    private static TrainingDocument BuildOne(SummaryPair pair, bool lowercaseTokenized, RougeScorer scorer)
    {
        string article = lowercaseTokenized ? TokenizedCorpusSimulator.Convert(pair.Article) : pair.Article;
        string highlights = lowercaseTokenized ? TokenizedCorpusSimulator.Convert(pair.Highlights) : pair.Highlights;
        var document = TextDocument.Analyze(article);
        int body = document.HeaderSentences;
        int candidates = Math.Min(document.Sentences.Length, body + FeatureSummarizer.MaxCandidates);
        int width = SentenceFeatures.Count;
        var features = new float[Math.Max(0, candidates) * width];
        var eligible = new bool[candidates];
        var labels = new bool[candidates];
        var gains = new float[candidates];
        if (candidates <= body)
        {
            return new TrainingDocument(features, eligible, labels, gains, body, candidates);
        }
        var terms = DocumentTerms.Build(document, candidates);
        SentenceFeatures.Compute(document, terms, candidates, features);
        bool caseless = TextStyle.Detect(document.Text, document.Tokens).Caseless;
        var sentenceTokens = new int[candidates][];
        for (int s = 0; s < candidates; s++)
        {
            eligible[s] = s >= body && SentenceEligibility.IsEligible(document, s, terms, caseless);
            sentenceTokens[s] = scorer.Tokenize(document.Sentences[s].Span.Slice(article));
        }
        var reference = scorer.Tokenize(highlights);
        foreach (int s in GreedyOracle.Select(reference, sentenceTokens, eligible, OracleSentences))
        {
            labels[s] = true;
        }
        for (int s = body; s < candidates; s++)
        {
            gains[s] = (float)((RougeScorer.NGrams(reference, sentenceTokens[s], 1).F1 + RougeScorer.NGrams(reference, sentenceTokens[s], 2).F1) / 2);
        }
        return new TrainingDocument(features, eligible, labels, gains, body, candidates);
    }
}
