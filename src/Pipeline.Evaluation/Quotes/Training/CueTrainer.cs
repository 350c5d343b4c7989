using Pipeline.Evaluation.Entities.Training;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// Trains the cue stage as it runs (<see cref="AttributionTagger.PredictCues"/>): greedy left to right with the
/// predicted previous label, updating the averaged perceptron where the label is wrong. Also the jackknife that gives
/// every training article cue labels from a model that did not see it.
/// </summary>
internal static class CueTrainer
{
    /// <summary>Lower-cased words that began at least <paramref name="minCount"/> gold cues: the cue stage scores them besides the listed verbs.</summary>
    public static HashIndex CueWords(IReadOnlyList<TrainingArticle> articles, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var article in articles)
        {
            for (int t = 0; t < article.Text.Count; t++)
            {
                if (article.CueGold[t] == CueFeatures.Begin)
                {
                    counts[article.Text.Lower[t]] = counts.GetValueOrDefault(article.Text.Lower[t]) + 1;
                }
            }
        }
        var words = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order().ToList();
        var index = new HashIndex(words.Count);
        foreach (var word in words)
        {
            index.Set(word, 1);
        }
        return index;
    }

    /// <param name="secondPass">Train the second pass, on the articles' jackknifed <see cref="TrainingArticle.FirstPassCues"/>.</param>
    public static LinearModel Train(IReadOnlyList<TrainingArticle> articles, HashIndex cueWords, int epochs, int seed, bool secondPass)
    {
        var indexer = new FeatureIndexer();
        var perceptron = new AveragedPerceptron(CueFeatures.Labels);
        var keys = new FeatureKeys();
        var rows = new List<int>(32);
        Span<int> scores = stackalloc int[CueFeatures.Labels];
        var order = Enumerable.Range(0, articles.Count).ToArray();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            new Random(unchecked(seed + 7919 * epoch)).Shuffle(order);
            foreach (int a in order)
            {
                var x = articles[a].Text;
                var gold = articles[a].CueGold;
                var firstPass = secondPass ? articles[a].FirstPassCues.AsSpan(0, x.Count) : [];
                int previous = CueFeatures.Outside;
                for (int t = 0; t < x.Count; t++)
                {
                    if (t > 0 && x.SentenceOf[t] != x.SentenceOf[t - 1])
                    {
                        previous = CueFeatures.Outside;
                    }
                    if (previous == CueFeatures.Outside && !CueFeatures.MayBegin(x, cueWords, t))
                    {
                        previous = CueFeatures.Outside;
                        continue;
                    }
                    CueFeatures.Emit(x, t, previous, firstPass, keys);
                    rows.Clear();
                    foreach (ulong key in keys.Keys)
                    {
                        rows.Add(indexer.GetOrAdd(key));
                    }
                    perceptron.EnsureRows(indexer.Count);
                    var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows);
                    perceptron.Score(span, scores);
                    int label = scores[CueFeatures.Begin] > scores[CueFeatures.Outside] ? CueFeatures.Begin : CueFeatures.Outside;
                    if (previous != CueFeatures.Outside && scores[CueFeatures.Inside] > scores[label])
                    {
                        label = CueFeatures.Inside;
                    }
                    int wanted = gold[t] == CueFeatures.Inside && previous == CueFeatures.Outside ? CueFeatures.Begin : gold[t];
                    if (label != wanted)
                    {
                        perceptron.Update(span, wanted, +1);
                        perceptron.Update(span, label, -1);
                    }
                    perceptron.Tick();
                    previous = label;
                }
            }
        }
        return StageBuilder.Build(indexer, perceptron);
    }

    /// <summary>
    /// Fills every article's <see cref="TrainingArticle.FirstPassCues"/> and <see cref="TrainingArticle.PredictedCues"/>
    /// from cue passes trained on the other <paramref name="folds"/> − 1 parts of <paramref name="articles"/>.
    /// </summary>
    public static void Jackknife(IReadOnlyList<TrainingArticle> articles, HashIndex cueWords, int folds, int epochs, int seed)
    {
        var keys = new FeatureKeys();
        foreach (bool secondPass in new[] { false, true })
        {
            for (int fold = 0; fold < folds; fold++)
            {
                var training = articles.Where((_, i) => i % folds != fold).ToList();
                var stage = Train(training, cueWords, epochs, seed + fold, secondPass);
                for (int i = fold; i < articles.Count; i += folds)
                {
                    var x = articles[i].Text;
                    if (secondPass)
                    {
                        AttributionTagger.PredictCues(cueWords, stage, x, articles[i].FirstPassCues.AsSpan(0, x.Count), keys, articles[i].PredictedCues);
                    }
                    else
                    {
                        AttributionTagger.PredictCues(cueWords, stage, x, [], keys, articles[i].FirstPassCues);
                    }
                }
            }
        }
    }
}
