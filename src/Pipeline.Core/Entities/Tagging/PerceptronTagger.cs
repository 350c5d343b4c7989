using System.Runtime.CompilerServices;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Tags a document with a <see cref="PerceptronTaggerModel"/> in two Viterbi passes over BILOU labels with
/// constrained transitions: the first pass uses local features; the second adds how the first pass labelled the
/// same words elsewhere in the document. Both passes share one feature-table
/// lookup per key (a row holds both passes' weights), and the second pass's local score is kept from the first.
/// Thread-safe: the model is read-only and each thread has its own <see cref="DocumentState"/>.
/// </summary>
public sealed class PerceptronTagger
{
    private const int L = BilouLabels.Count;
    private const int Stride = PerceptronTaggerModel.Stride;

    [ThreadStatic]
    private static DocumentState? t_state;

    private readonly PerceptronTaggerModel _model;
    private readonly FeatureExtractor _features;

    public PerceptronTagger(PerceptronTaggerModel model)
    {
        _model = model;
        _features = new FeatureExtractor(model.Gazetteer, model.Clusters, model.CaseProfile);
    }

    public PerceptronTaggerModel Model => _model;

    /// <summary>Appends the entities of <paramref name="document"/> (document token offsets) to <paramref name="output"/>.</summary>
    public void Tag(TextDocument document, List<EntitySpan> output) => Tag(document, output, firstPassOnly: false);

    /// <summary>As <see cref="Tag(TextDocument, List{EntitySpan})"/>; <paramref name="firstPassOnly"/> skips the document pass (for tuning).</summary>
    internal void Tag(TextDocument document, List<EntitySpan> output, bool firstPassOnly)
    {
        int n = document.Tokens.Length;
        if (n == 0)
        {
            return;
        }
        var state = t_state ?? new DocumentState();
        t_state = null; // re-entrancy guard: a nested call on this thread gets its own state
        try
        {
            var labels = Run(document, state, firstPassOnly);
            BilouLabels.Decode(labels, 0, output);
        }
        finally
        {
            // Huge documents must not pin their scratch to the thread forever.
            t_state = state.TokenCapacity <= DocumentState.RetainLimit ? state : null;
        }
    }

    /// <summary>Both passes' labels of every token, for error analysis.</summary>
    internal (byte[] First, byte[] Second) Labels(TextDocument document)
    {
        var state = new DocumentState();
        Run(document, state, firstPassOnly: false);
        int n = document.Tokens.Length;
        return (state.FirstPass.AsSpan(0, n).ToArray(), state.SecondPass.AsSpan(0, n).ToArray());
    }

    private ReadOnlySpan<byte> Run(TextDocument document, DocumentState state, bool firstPassOnly)
    {
        int n = document.Tokens.Length;
        FeatureExtractor.PrepareDocument(document, state);
        state.FirstPass.AsSpan(0, n).Clear();
        state.SecondPass.AsSpan(0, n).Clear();
        foreach (var sentence in document.Sentences)
        {
            if (FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                FirstPass(document, state, first, end);
            }
        }
        if (firstPassOnly)
        {
            return state.FirstPass.AsSpan(0, n);
        }
        DocumentFeatures.Aggregate(state, n);
        foreach (var sentence in document.Sentences)
        {
            if (FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                SecondPass(state, first, end);
            }
        }
        DocumentConsistency.Apply(state, n);
        return state.SecondPass.AsSpan(0, n);
    }

    private void FirstPass(TextDocument document, DocumentState state, int first, int end)
    {
        var sentenceCase = _features.PrepareSentence(document, first, end, state);
        int count = end - first;
        var sentence = state.Sentence.AsSpan(0, count);
        var keys = state.Keys.AsSpan();
        var weights = _model.Weights;
        var table = _model.Features;
        var emissions = state.Emissions.AsSpan(0, count * L);
        emissions.Clear();
        for (int k = 0; k < count; k++)
        {
            int t = first + k;
            int keyCount = FeatureExtractor.Local(document.Text, sentence, sentenceCase, k, keys);
            var scores = emissions.Slice(k * L, L);
            var second = state.SecondPassLocal.AsSpan(t * L, L);
            second.Clear();
            for (int f = 0; f < keyCount; f++)
            {
                if (table.TryGet(keys[f], out int row))
                {
                    AddBoth(weights, row, scores, second);
                }
            }
        }
        ViterbiDecoder.Decode(emissions, state.Caps.AsSpan(first, count), count, _model.FirstTransitions,
            state.FirstPass.AsSpan(first, count), state.BackPointers);
    }

    private void SecondPass(DocumentState state, int first, int end)
    {
        int count = end - first;
        state.EnsureSentence(count);
        var keys = state.Keys.AsSpan();
        var weights = _model.Weights;
        var table = _model.Features;
        var emissions = state.Emissions.AsSpan(0, count * L);
        state.SecondPassLocal.AsSpan(first * L, count * L).CopyTo(emissions);
        for (int t = first; t < end; t++)
        {
            var scores = emissions.Slice((t - first) * L, L);
            int keyCount = DocumentFeatures.Keys(state, t, first, end, keys);
            for (int f = 0; f < keyCount; f++)
            {
                if (table.TryGet(keys[f], out int row))
                {
                    Add(weights, row * Stride + L, scores);
                }
            }
        }
        ViterbiDecoder.Decode(emissions, state.Caps.AsSpan(first, count), count, _model.SecondTransitions,
            state.SecondPass.AsSpan(first, count), state.BackPointers);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddBoth(short[] weights, int row, Span<int> first, Span<int> second)
    {
        var w = weights.AsSpan(row * Stride, Stride);
        for (int l = 0; l < L; l++)
        {
            first[l] += w[l];
            second[l] += w[L + l];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(short[] weights, int offset, Span<int> scores)
    {
        var w = weights.AsSpan(offset, L);
        for (int l = 0; l < L; l++)
        {
            scores[l] += w[l];
        }
    }
}
