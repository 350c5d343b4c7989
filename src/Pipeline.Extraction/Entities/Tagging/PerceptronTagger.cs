using System.Runtime.CompilerServices;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Tags a document with a <see cref="PerceptronTaggerModel"/> in two Viterbi passes over BILOU labels with
/// constrained transitions: the first pass uses local features; the second adds how the first pass labelled the
/// same words elsewhere in the document. A feature row holds both passes' weights, so the local scores of both are
/// summed once (<see cref="TokenScorer"/>) and the second pass adds its document features to its half.
/// Thread-safe: the model is read-only and each thread has its own <see cref="DocumentState"/>.
/// The per-token methods of the tagger are marked <see cref="MethodImplOptions.AggressiveOptimization"/>: they are
/// compiled fully optimized on first use instead of running as tier-0 and instrumented code for the first seconds of
/// a process, which made the first thousand articles tag at a third of the steady speed.
/// </summary>
public sealed class PerceptronTagger
{
    private const int L = BilouLabels.Count;
    private const int Stride = PerceptronTaggerModel.Stride;

    [ThreadStatic]
    private static DocumentState? t_state;

    private readonly PerceptronTaggerModel _model;
    private readonly TokenScorer _scorer;

    public PerceptronTagger(PerceptronTaggerModel model)
    {
        _model = model;
        _scorer = new TokenScorer(model);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Run(TextDocument document, DocumentState state, bool firstPassOnly)
    {
        int n = document.Tokens.Length;
        _scorer.PrepareDocument(document, state);
        state.FirstPass.AsSpan(0, n).Clear();
        state.SecondPass.AsSpan(0, n).Clear();
        foreach (var sentence in document.Sentences)
        {
            if (FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                _scorer.ScoreSentence(document, state, first, end);
                Decode(state, first, end, _model.FirstTransitions, state.FirstPass, pass: 0);
            }
        }
        if (firstPassOnly)
        {
            return state.FirstPass.AsSpan(0, n);
        }
        DocumentFeatures.Aggregate(document, state);
        _scorer.PrepareDocumentPass(state);
        foreach (var sentence in document.Sentences)
        {
            if (FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                _scorer.AddDocumentScores(state, first, end);
                Decode(state, first, end, _model.SecondTransitions, state.SecondPass, pass: 1);
            }
        }
        DocumentConsistency.Apply(state, n);
        return state.SecondPass.AsSpan(0, n);
    }

    /// <summary>Both passes' scores of every token (<see cref="PerceptronTaggerModel.Stride"/> each), for tests.</summary>
    internal int[] Scores(TextDocument document)
    {
        var state = new DocumentState();
        Run(document, state, firstPassOnly: false);
        return state.Local.AsSpan(0, document.Tokens.Length * Stride).ToArray();
    }

    private static void Decode(DocumentState state, int first, int end, Transitions transitions, byte[] labels, int pass)
    {
        int count = end - first;
        state.EnsureSentence(count);
        ViterbiDecoder.Decode(state.Local.AsSpan(first * Stride + pass * L), Stride, state.Caps.AsSpan(first, count), count, transitions,
            labels.AsSpan(first, count), state.BackPointers);
    }
}
