using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Text;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The tagger's scoring of tokens: the same features as <see cref="FeatureExtractor.Local"/> and
/// <see cref="DocumentFeatures.Keys"/> (the keys training resolves), summed without hashing most of them. What depends
/// on one word comes summed from its <see cref="WordEntry"/>, the few-valued templates come from the dense tables of
/// <see cref="FeatureRows"/>, and only word pairs and the shape trigram are hashed per token. Scores of both passes
/// are kept side by side, <see cref="PerceptronTaggerModel.Stride"/> per token, in <see cref="DocumentState.Local"/>.
/// Immutable apart from its shared <see cref="WordCache"/>; all working memory is in the caller's state.
/// </summary>
internal sealed class TokenScorer
{
    private const int L = BilouLabels.Count;
    private const int W = ScoreAccumulator.Width;
    private const int Caps = PerceptronTaggerModel.CapStates;

    private readonly FeatureRows _rows;
    private readonly WordCache _words;
    private readonly Gazetteer _gazetteer;
    private readonly Gazetteer _nameLists;

    public TokenScorer(PerceptronTaggerModel model)
    {
        _rows = new FeatureRows(model);
        _words = new WordCache(_rows, model);
        _gazetteer = model.Gazetteer;
        _nameLists = model.NameLists;
    }

    /// <summary>As <see cref="FeatureExtractor.PrepareDocument"/>, with each token's word entry in <see cref="DocumentState.Entries"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PrepareDocument(TextDocument document, DocumentState state)
    {
        var tokens = document.Tokens;
        state.EnsureTokens(tokens.Length);
        for (int t = 0; t < tokens.Length; t++)
        {
            var entry = _words.Get(FeatureExtractor.Slice(document, tokens[t]));
            state.Entries[t] = entry;
            state.Lower[t] = entry.Lower;
            state.Stem[t] = entry.Stem;
            state.Caps[t] = entry.Cap;
        }
        FeatureExtractor.CountDocumentCase(document, state, state.Entries);
    }

    /// <summary>Writes both passes' local scores of tokens <c>[first, end)</c> (one sentence) to <see cref="DocumentState.Local"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScoreSentence(TextDocument document, DocumentState state, int first, int end)
    {
        int count = end - first;
        state.EnsureSentence(count);
        var sentenceCase = WordShape.Classify(state.Caps.AsSpan(first, count));
        var window = state.Window;
        window[0] = window[1] = _words.Left;
        window[count + 2] = window[count + 3] = _words.Right;
        for (int k = 0; k < count; k++)
        {
            var entry = state.Entries[first + k];
            window[k + 2] = entry;
            state.SentenceLower[k] = entry.Lower;
            state.SentenceStarts[k] = entry.GazetteerStart;
            state.SentenceNameListStarts[k] = entry.NameListStart;
            // A sentence's first token never fed the document counts (see PrepareDocument); AllCaps says so.
            state.SentenceFlags[k] = FeatureExtractor.DocumentCaseFlags(document, state, first + k,
                k == 0 ? SentenceCase.AllCaps : sentenceCase, entry.DocumentCaseKey);
        }
        _gazetteer.Match(state.SentenceLower.AsSpan(0, count), state.SentenceStarts.AsSpan(0, count), state.SentenceGazetteer.AsSpan(0, count));
        _nameLists.Match(state.SentenceLower.AsSpan(0, count), state.SentenceNameListStarts.AsSpan(0, count), state.SentenceNameLists.AsSpan(0, count));
        var local = state.Local.AsSpan(first * W, count * W);
        for (int k = 0; k < count; k++)
        {
            Score(window, k, count, sentenceCase, state, local.Slice(k * W, W));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Score(WordEntry[] window, int k, int count, SentenceCase sentenceCase, DocumentState state, Span<int> output)
    {
        var rows = _rows;
        var self = window[k + 2];
        var previous = window[k + 1];
        var next = window[k + 3];
        var sum = default(ScoreAccumulator);
        sum.AddScores(ref Data(self.Scores, WordEntry.Self));
        sum.AddScores(ref Data(previous.Scores, WordEntry.AsPrevious));
        sum.AddScores(ref Data(next.Scores, WordEntry.AsNext));
        int cap = (int)self.Cap;
        rows.Add(ref sum, rows.Bias);
        rows.Add(ref sum, window[k].Scores[WordEntry.TwoBeforeRow]);
        rows.Add(ref sum, window[k + 4].Scores[WordEntry.TwoAfterRow]);
        rows.Add(ref sum, previous.Scores[WordEntry.PreviousWordCapRows + cap]);
        rows.Add(ref sum, next.Scores[WordEntry.CapNextWordRows + cap]);
        if (k == 0)
        {
            rows.Add(ref sum, self.Scores[WordEntry.SentenceStartRow]);
        }
        rows.Add(ref sum, rows.Row(FeatureHash.Key(BigramLeft, previous.Lower, self.Lower)));
        rows.Add(ref sum, rows.Row(FeatureHash.Key(BigramRight, self.Lower, next.Lower)));
        rows.Add(ref sum, rows.Row(FeatureHash.Key(ShapeTrigram, previous.ShortShape, self.ShortShape, next.ShortShape)));

        int position = Math.Min(k, 2);
        int context = (k == 0 ? 4 : 0) + (int)sentenceCase;
        rows.Add(ref sum, rows.CapContext[(cap * 3 + position) * 4 + (int)sentenceCase]);
        rows.Add(ref sum, rows.CapTrigram[((int)previous.Cap * Caps + cap) * Caps + (int)next.Cap]);
        int bucket = self.CaseBucket;
        rows.Add(ref sum, bucket < FeatureRows.Buckets
            ? rows.CaseProfile[(bucket * Caps + cap) * 8 + context]
            : rows.Row(FeatureHash.Key(FeatureTemplates.CaseProfile, (ulong)bucket, (ulong)cap, (ulong)context)));
        rows.Add(ref sum, rows.DocumentCase[(state.SentenceFlags[k] * Caps + cap) * 8 + context]);
        AddLexicon(ref sum, state.SentenceGazetteer, rows.GazetteerAt, rows.GazetteerCap, GazetteerAt, GazetteerCap, k, count, cap);
        AddLexicon(ref sum, state.SentenceNameLists, rows.NameListAt, rows.NameListCap, NameListAt, NameListCap, k, count, cap);
        sum.Store(output);
    }

    /// <summary>The rows of one gazetteer's matches around token k, as <c>FeatureExtractor.LexiconKeys</c> emits them, from dense tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddLexicon(ref ScoreAccumulator sum, ushort[] gazetteer, int[] atRows, int[] capRows, int atTemplate, int capTemplate,
        int k, int count, int cap)
    {
        var rows = _rows;
        for (int offset = -1; offset <= 1; offset++)
        {
            int j = k + offset;
            if (j < 0 || j >= count || gazetteer[j] == 0)
            {
                continue;
            }
            for (int type = 0; type < BilouLabels.TypeCount; type++)
            {
                int position = Gazetteer.PositionOf(gazetteer[j], type);
                if (position == 0)
                {
                    continue;
                }
                int value = type * 8 + position;
                bool dense = value < FeatureRows.GazetteerValues;
                rows.Add(ref sum, dense ? atRows[(offset + 1) * FeatureRows.GazetteerValues + value]
                    : rows.Row(FeatureHash.Key(atTemplate, (ulong)(offset + 1), (ulong)value)));
                if (offset == 0)
                {
                    rows.Add(ref sum, dense ? capRows[value * Caps + cap] : rows.Row(FeatureHash.Key(capTemplate, (ulong)value, (ulong)cap)));
                }
            }
        }
    }

    /// <summary>After <see cref="DocumentFeatures.Aggregate"/>: sums each capitalized word's aggregated context weights once.</summary>
    public void PrepareDocumentPass(DocumentState state) => state.Contexts.SumWeights(_rows);

    /// <summary>Adds the document features of tokens <c>[first, end)</c> to their second-pass scores (after <see cref="DocumentFeatures.Aggregate"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddDocumentScores(DocumentState state, int first, int end)
    {
        var rows = _rows;
        var labels = state.FirstPass;
        const int values = FeatureRows.FirstPassValues;
        for (int t = first; t < end; t++)
        {
            var scores = state.Local.AsSpan(t * W + L, L);
            int atM2 = t - 2 >= first ? labels[t - 2] : DocumentFeatures.StartLabel;
            int atM1 = t - 1 >= first ? labels[t - 1] : DocumentFeatures.StartLabel;
            int atP1 = t + 1 < end ? labels[t + 1] : DocumentFeatures.EndLabel;
            int atP2 = t + 2 < end ? labels[t + 2] : DocumentFeatures.EndLabel;
            rows.AddSecond(rows.FirstPassAt[0 * values + atM2], scores);
            rows.AddSecond(rows.FirstPassAt[1 * values + atM1], scores);
            rows.AddSecond(rows.FirstPassAt[3 * values + atP1], scores);
            rows.AddSecond(rows.FirstPassAt[4 * values + atP2], scores);
            if (!WordShape.IsCapitalized(state.Caps[t]))
            {
                continue;
            }
            int own = DocumentFeatures.Column(labels[t]);
            Aggregated(state, FeatureHash.Key(DocumentLower, state.Lower[t]), own, 0, scores);
            Aggregated(state, FeatureHash.Key(DocumentStem, state.Stem[t]), own, 1, scores);
            Aggregated(state, FeatureHash.Key(DocumentUnitStem, state.Stem[t]), DocumentFeatures.IsUnitOrOutside(labels[t]) ? own : -1, 2, scores);
            var contexts = state.Contexts.Sums(state.Contexts.GroupOfToken(t));
            for (int l = 0; l < L; l++)
            {
                scores[l] += contexts[l];
            }
        }
    }

    /// <summary>The rows <see cref="DocumentFeatures"/> emits for one aggregate, from the dense tables.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Aggregated(DocumentState state, ulong key, int own, int aggregate, Span<int> scores)
    {
        var rows = _rows;
        Span<int> counts = stackalloc int[CountTable.Columns];
        var (total, best) = DocumentFeatures.OtherOccurrences(state, key, own, counts);
        if (total <= 0)
        {
            rows.AddSecond(rows.NoOthers[aggregate], scores);
            return;
        }
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                int share = counts[c] == total ? 4 : counts[c] * 4 / total;
                rows.AddSecond((uint)share <= 4 ? rows.Shares[(aggregate * CountTable.Columns + c) * 5 + share]
                    : rows.Row(FeatureHash.Key(AggregateTemplates[aggregate], (ulong)c, (ulong)share)), scores);
            }
        }
        int frequency = total == 1 ? 0 : total <= 3 ? 1 : 2;
        rows.AddSecond(rows.Majorities[(aggregate * CountTable.Columns + best) * 3 + frequency], scores);
    }

    private static readonly int[] AggregateTemplates = [DocumentLower, DocumentStem, DocumentUnitStem];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref int Data(int[] scores, int offset)
    {
        if ((uint)(offset + W) > (uint)scores.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(scores), offset);
    }
}
