using System.Runtime.InteropServices;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Entities.Training;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// Trains the content stage as a structured perceptron (Collins 2002) over the paragraphs the run-time tagger labels
/// (those with a predicted cue or quotation marks): each paragraph decoded by <see cref="ContentDecoder"/> under the
/// current weights, gold features added and predicted ones subtracted where they differ. Features are read once, with
/// the jackknifed cues, and kept as rows.
/// </summary>
internal static class ContentTrainer
{
    private const int L = ContentLabels.Count;

    private sealed record Paragraph(int Article, int First, int Count, int RowStart);

    /// <param name="lastLabels">Decode as the model for text with marks does (<see cref="ContentLabels.Allowed"/>); the
    /// articles' gold has last labels then.</param>
    public static LinearModel Train(IReadOnlyList<TrainingArticle> articles, int epochs, int seed, bool lastLabels)
    {
        var indexer = new FeatureIndexer();
        // The model's labels; emissions and transitions are laid out for all of them (AttributionModel.Transitions).
        int labels = ContentLabels.CountFor(lastLabels);
        var transitionRows = new int[L + 1];
        for (int p = 0; p <= labels; p++)
        {
            transitionRows[p == labels ? ContentLabels.Start : p] = indexer.GetOrAdd(AttributionModel.TransitionKey(p));
        }
        var rows = new List<int>(1 << 20);
        var tokenRows = new List<int>(1 << 18) { 0 }; // row offsets per tagged token, cumulative
        var paragraphs = new List<Paragraph>();
        var keys = new FeatureKeys();
        var cues = new CueContext();
        for (int a = 0; a < articles.Count; a++)
        {
            var x = articles[a].Text;
            cues.Load(x, articles[a].PredictedCues.AsSpan(0, x.Count));
            var document = x.Document;
            for (int p = 0; p < document.Paragraphs.Length; p++)
            {
                int first = document.ParagraphTokenStarts[p];
                int end = p + 1 < document.Paragraphs.Length ? document.ParagraphTokenStarts[p + 1] : x.Count;
                if (!cues.Tagged[p] || end <= first)
                {
                    continue;
                }
                paragraphs.Add(new Paragraph(a, first, end - first, tokenRows.Count - 1));
                for (int t = first; t < end; t++)
                {
                    ContentFeatures.Emit(x, cues, t, keys);
                    foreach (ulong key in keys.Keys)
                    {
                        rows.Add(indexer.GetOrAdd(key));
                    }
                    tokenRows.Add(rows.Count);
                }
            }
        }

        var perceptron = new AveragedPerceptron(labels);
        perceptron.EnsureRows(indexer.Count);
        var allRows = CollectionsMarshal.AsSpan(rows).ToArray();
        var offsets = CollectionsMarshal.AsSpan(tokenRows).ToArray();
        var transitions = new int[(L + 1) * L];
        int longest = paragraphs.Count == 0 ? 1 : paragraphs.Max(p => p.Count);
        var emissions = new int[longest * L];
        var predicted = new byte[longest];
        var back = new byte[longest * L];
        var order = Enumerable.Range(0, paragraphs.Count).ToArray();
        Span<int> one = stackalloc int[1];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            new Random(unchecked(seed + 104729 * epoch)).Shuffle(order);
            foreach (int i in order)
            {
                var paragraph = paragraphs[i];
                var gold = articles[paragraph.Article].ContentGold.AsSpan(paragraph.First, paragraph.Count);
                for (int p = 0; p <= L; p++)
                {
                    for (int l = 0; l < labels && (p < labels || p == ContentLabels.Start); l++)
                    {
                        transitions[p * L + l] = perceptron.Weight(transitionRows[p], l);
                    }
                }
                for (int k = 0; k < paragraph.Count; k++)
                {
                    perceptron.Score(TokenRows(allRows, offsets, paragraph.RowStart + k), emissions.AsSpan(k * L, L));
                }
                ContentDecoder.Decode(emissions, transitions, paragraph.Count, predicted, back, lastLabels);
                for (int k = 0; k < paragraph.Count; k++)
                {
                    int want = gold[k], got = predicted[k];
                    int wantPrevious = k > 0 ? gold[k - 1] : ContentLabels.Start;
                    int gotPrevious = k > 0 ? predicted[k - 1] : ContentLabels.Start;
                    if (want != got)
                    {
                        var tokenRowSpan = TokenRows(allRows, offsets, paragraph.RowStart + k);
                        perceptron.Update(tokenRowSpan, want, +1);
                        perceptron.Update(tokenRowSpan, got, -1);
                    }
                    if (want != got || wantPrevious != gotPrevious)
                    {
                        one[0] = transitionRows[wantPrevious];
                        perceptron.Update(one, want, +1);
                        one[0] = transitionRows[gotPrevious];
                        perceptron.Update(one, got, -1);
                    }
                }
                perceptron.Tick();
            }
        }
        return StageBuilder.Build(indexer, perceptron);
    }

    /// <summary>The content spans a content stage trained on the other parts finds in each article, with its jackknifed cues.</summary>
    public static List<ContentSpan>[] Jackknife(IReadOnlyList<TrainingArticle> articles, int folds, int epochs, int seed, bool lastLabels)
    {
        var found = new List<ContentSpan>[articles.Count];
        var scratch = new AttributionTagger.Scratch();
        var empty = StageBuilder.Empty(1);
        var noCues = StageBuilder.Empty(2 * CueFeatures.Labels);
        for (int fold = 0; fold < folds; fold++)
        {
            var content = Train(articles.Where((_, i) => i % folds != fold).ToList(), epochs, seed + fold, lastLabels);
            var model = new AttributionModel(new HashIndex(0), noCues, content, empty, empty, empty, empty, empty, empty, lastLabels);
            for (int i = fold; i < articles.Count; i += folds)
            {
                var x = articles[i].Text;
                scratch.Cues.Load(x, articles[i].PredictedCues.AsSpan(0, x.Count));
                found[i] = [];
                AttributionTagger.PredictContent(model, x, scratch.Cues, scratch, found[i]);
            }
        }
        return found;
    }

    private static ReadOnlySpan<int> TokenRows(int[] rows, int[] offsets, int token) => rows.AsSpan(offsets[token], offsets[token + 1] - offsets[token]);
}
