using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Entities.Training;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// Trains the cue stage as it runs (<see cref="AttributionTagger.PredictCues"/>): greedy left to right with the
/// predicted previous label, updating the averaged perceptron where the label is wrong. Also the jackknife that gives
/// every training article cue labels from a model that did not see it.
/// </summary>
internal static class CueTrainer
{
    /// <summary>
    /// The words the cue stage scores (<see cref="CueFeatures.MayBegin"/>): lower-cased words, and for the model of text
    /// with marks (<paramref name="marked"/>) their stems too (<see cref="AttributionText.Stem"/>), that began at least
    /// <paramref name="minCount"/> gold cues and began one at least <paramref name="minRate"/> of the times they occur;
    /// and for that model the listed verbs of stance. Stems let a form training never saw begin a cue
    /// (docs/extraction.md: more attributions found in text with marks).
    /// Nearly every token began some cue in training (<c>the</c>, <c>to</c>), so the rate is what keeps the stage to the
    /// words worth scoring. Logs how many tokens that makes candidates and how many gold cues they cover.
    /// </summary>
    public static HashIndex CueWords(IReadOnlyList<TrainingArticle> articles, int minCount, double minRate, bool marked, TextWriter log, string name)
    {
        var begins = new Dictionary<ulong, int>();
        var occurrences = new Dictionary<ulong, int>();
        // Listed verbs of stance (believe, hope, fear) are scored in text with marks however seldom they began a cue.
        var words = new HashSet<ulong>();
        foreach (var article in articles)
        {
            var x = article.Text;
            for (int t = 0; t < x.Count; t++)
            {
                bool begin = article.CueGold[t] == CueFeatures.Begin;
                Count(x.Lower[t], begin);
                if (marked && x.Stem[t] != 0)
                {
                    Count(x.Stem[t], begin);
                }
                if (marked && (x.Class[t] & WordClass.StanceVerb) != 0)
                {
                    words.Add(x.Lower[t]);
                }
            }
        }
        void Count(ulong key, bool begin)
        {
            occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            if (begin)
            {
                begins[key] = begins.GetValueOrDefault(key) + 1;
            }
        }

        words.UnionWith(begins.Where(c => c.Value >= minCount && c.Value >= minRate * occurrences[c.Key]).Select(c => c.Key));
        var ordered = words.Order().ToList();
        var index = new HashIndex(ordered.Count);
        foreach (var word in ordered)
        {
            index.Set(word, 1);
        }
        long tokens = 0, candidates = 0, gold = 0, covered = 0;
        foreach (var article in articles)
        {
            var x = article.Text;
            for (int t = 0; t < x.Count; t++)
            {
                bool candidate = CueFeatures.MayBegin(x, index, t);
                bool begin = article.CueGold[t] == CueFeatures.Begin;
                tokens++;
                candidates += candidate ? 1 : 0;
                gold += begin ? 1 : 0;
                covered += candidate && begin ? 1 : 0;
            }
        }
        log.WriteLine($"  {name}: {words.Count:N0} cue words and stems; cue candidates {(double)candidates / Math.Max(1, tokens):P1} of tokens, " +
                      $"covering {(double)covered / Math.Max(1, gold):P1} of gold cue beginnings");
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
