using Pipeline.Evaluation.Quotes.Training;
using Pipeline.Extraction;
using Pipeline.Quotes;

namespace Pipeline.Evaluation.Quotes;

/// <summary>
/// <c>pipeline eval quotes --cross-validate k</c>: trains on k − 1 parts of a training split and scores the part left
/// out, k times (article i is in part i mod k), and pools the counts of each condition. Beside the dev figure, a wide
/// gap between the two means the model memorises its training data.
/// </summary>
public static class QuoteCrossValidation
{
    /// <param name="extractorFor">The article extractor to score with, given a fold's quote extractor.</param>
    /// <param name="details">Where to write every held-out article's misses, extras and wrong speakers, as <c>eval quotes --details</c> does.</param>
    /// <param name="heldOutWithoutBreaks">Score the held-out parts as text without paragraph breaks (<see cref="PolnearArticle.WithoutParagraphBreaks"/>); training still reads the paragraphs.</param>
    /// <param name="trainingShare">
    /// The share of each part's training articles its model learns from (1: all of them), for a learning curve: the held-out
    /// parts stay whole, so every share is scored on the same articles. The subset is <see cref="TrainingSubset"/>'s.
    /// </param>
    public static QuoteEvaluationReport Run(IReadOnlyList<PolnearArticle> articles, int folds, QuoteTrainingOptions options,
        Func<IQuoteExtractor, ArticleExtractor> extractorFor, TextWriter log, TextWriter? details = null, bool heldOutWithoutBreaks = false,
        double trainingShare = 1)
    {
        if (folds < 2 || folds > articles.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), "Cross-validation needs at least two parts, and no more than there are articles.");
        }
        var (marked, stripped) = QuoteTraining.Prepare(articles);
        var learnedFrom = TrainingSubset(articles, trainingShare, options.Seed);
        QuoteEvaluationReport? pooled = null;
        for (int fold = 0; fold < folds; fold++)
        {
            var heldOut = articles.Where((_, i) => i % folds == fold).ToList();
            var heldOutNames = heldOut.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            bool Learns(string name) => !heldOutNames.Contains(name) && learnedFrom.Contains(name);
            var learning = marked.Where(a => Learns(a.Name)).ToList();
            if (learning.Count == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(trainingShare), $"A training share of {trainingShare} leaves part {fold + 1} no article to learn from.");
            }
            var model = QuoteTraining.Train(learning, stripped.Where(a => Learns(a.Name)).ToList(), options, TextWriter.Null);
            var scored = heldOutWithoutBreaks ? heldOut.Select(a => a.WithoutParagraphBreaks()).ToList() : heldOut;
            var report = new QuoteEvaluation(extractorFor(new LearnedQuoteExtractor(model))).Run(scored, details);
            log.WriteLine($"fold {fold + 1}/{folds}: {heldOut.Count} articles, direct F1 {report.Direct.F1:F3} (speaker {report.Direct.SpeakerAccuracy:F3}), " +
                          $"all F1 {report.All.F1:F3}, stripped direct F1 {report.DirectStripped.F1:F3}");
            pooled = pooled is null ? report : Add(pooled, report);
        }
        return pooled!;
    }

    /// <summary>
    /// The names of the articles a share of the split stands for: all of them in an order drawn once from the seed, the
    /// first <paramref name="share"/> of it. A smaller share's articles are in every larger one's, so a learning curve
    /// adds articles rather than drawing new ones; about that share of every part's training articles is in it.
    /// </summary>
    public static HashSet<string> TrainingSubset(IReadOnlyList<PolnearArticle> articles, double share, int seed)
    {
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), "A training share is more than 0 and at most 1.");
        }
        var names = articles.Select(a => a.Name).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(names);
        int count = Math.Max(1, (int)Math.Round(share * names.Length));
        return names.Take(count).ToHashSet(StringComparer.Ordinal);
    }

    private static QuoteEvaluationReport Add(QuoteEvaluationReport a, QuoteEvaluationReport b)
    {
        var byCue = new CueRecall();
        byCue.Add(a.ByCue);
        byCue.Add(b.ByCue);
        return new(a.Articles + b.Articles, a.Direct + b.Direct, a.All + b.All, a.DirectStripped + b.DirectStripped, a.AllStripped + b.AllStripped)
        {
            ByCue = byCue,
            DirectStrippedTyped = a.DirectStrippedTyped + b.DirectStrippedTyped,
        };
    }
}
