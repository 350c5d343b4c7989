using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// One pass's structured perceptron (Collins 2002): decode each sentence with Viterbi under the current weights and,
/// where the best sequence differs from gold, add the gold sequence's features and subtract the predicted one's
/// (emissions per token, transitions per label pair). Decoding is the tagger's own <see cref="ViterbiDecoder"/>.
/// </summary>
internal sealed class StructuredTrainer
{
    private const int L = BilouLabels.Count;

    private readonly int[] _previousRows = new int[Transitions.Previous];
    private readonly int[] _previousCapRows = new int[Transitions.Previous * Transitions.Caps];
    private readonly Transitions _transitions = new();
    private int[] _emissions = new int[256 * L];
    private byte[] _backPointers = new byte[256 * L];
    private byte[] _predicted = new byte[256];
    private readonly int[] _rows = new int[DocumentState.MaxKeys * 2];

    public StructuredTrainer(FeatureIndexer indexer)
    {
        for (int p = 0; p < Transitions.Previous; p++)
        {
            _previousRows[p] = indexer.GetOrAdd(DocumentFeatures.Previous1(p));
            for (int c = 0; c < Transitions.Caps; c++)
            {
                _previousCapRows[p * Transitions.Caps + c] = indexer.GetOrAdd(DocumentFeatures.PreviousCap(p, (CapState)c));
            }
        }
    }

    /// <summary>A sentence of a training document: tokens <c>[First, End)</c>.</summary>
    public readonly record struct SentenceRef(int Document, int First, int End);

    public static List<SentenceRef> Sentences(IReadOnlyList<TrainingDocument> documents, Func<TrainingDocument, bool> include)
    {
        var sentences = new List<SentenceRef>();
        for (int d = 0; d < documents.Count; d++)
        {
            if (!include(documents[d]))
            {
                continue;
            }
            var text = documents[d].Text;
            foreach (var sentence in text.Sentences)
            {
                if (FeatureExtractor.Bounds(sentence, text.Tokens.Length, out int first, out int end))
                {
                    sentences.Add(new SentenceRef(d, first, end));
                }
            }
        }
        return sentences;
    }

    /// <summary>One epoch over <paramref name="sentences"/> in an order shuffled by <paramref name="random"/>; returns wrong tokens.</summary>
    public int Epoch(AveragedPerceptron model, int rowCount, IReadOnlyList<TrainingDocument> documents, List<SentenceRef> sentences,
        bool secondPass, Random random)
    {
        for (int i = sentences.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (sentences[i], sentences[j]) = (sentences[j], sentences[i]);
        }
        model.EnsureRows(rowCount);
        int mistakes = 0;
        bool stale = true;
        foreach (var sentence in sentences)
        {
            var document = documents[sentence.Document];
            int count = sentence.End - sentence.First;
            Ensure(count);
            if (stale)
            {
                _transitions.Load(_previousRows, _previousCapRows, model.Weight);
            }
            for (int k = 0; k < count; k++)
            {
                model.Score(Rows(document, sentence.First + k, secondPass), _emissions.AsSpan(k * L, L));
            }
            var caps = document.Caps.AsSpan(sentence.First, count);
            ViterbiDecoder.Decode(_emissions, caps, count, _transitions, _predicted, _backPointers);
            int wrong = Update(model, document, sentence.First, count, secondPass);
            mistakes += wrong;
            stale = wrong > 0;
            model.Tick();
        }
        return mistakes;
    }

    private int Update(AveragedPerceptron model, TrainingDocument document, int first, int count, bool secondPass)
    {
        int wrong = 0;
        Span<int> one = stackalloc int[1];
        for (int k = 0; k < count; k++)
        {
            int gold = document.Gold[first + k], predicted = _predicted[k];
            int goldPrevious = k > 0 ? document.Gold[first + k - 1] : DocumentFeatures.StartLabel;
            int predictedPrevious = k > 0 ? _predicted[k - 1] : DocumentFeatures.StartLabel;
            if (gold != predicted)
            {
                wrong++;
                var rows = Rows(document, first + k, secondPass);
                model.Update(rows, gold, +1);
                model.Update(rows, predicted, -1);
            }
            if (gold != predicted || goldPrevious != predictedPrevious)
            {
                int cap = (int)document.Caps[first + k];
                one[0] = _previousRows[goldPrevious];
                model.Update(one, gold, +1);
                one[0] = _previousRows[predictedPrevious];
                model.Update(one, predicted, -1);
                one[0] = _previousCapRows[goldPrevious * Transitions.Caps + cap];
                model.Update(one, gold, +1);
                one[0] = _previousCapRows[predictedPrevious * Transitions.Caps + cap];
                model.Update(one, predicted, -1);
            }
        }
        return wrong;
    }

    private ReadOnlySpan<int> Rows(TrainingDocument document, int t, bool secondPass)
    {
        int n = 0;
        foreach (int row in document.Local(t))
        {
            _rows[n++] = row;
        }
        if (secondPass)
        {
            foreach (int row in document.Document(t))
            {
                _rows[n++] = row;
            }
        }
        return _rows.AsSpan(0, n);
    }

    private void Ensure(int count)
    {
        if (_predicted.Length < count)
        {
            _predicted = new byte[count];
            _emissions = new int[count * L];
            _backPointers = new byte[count * L];
        }
    }
}
