using System.Runtime.CompilerServices;
using Pipeline.Text;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The second pass's non-local features (Ratinov &amp; Roth 2009): the first pass's labels around the token, and how the
/// same word (and the same word without a plural/possessive s) was labelled elsewhere in the document. This is what
/// makes "Biden" in the tenth paragraph a person because "President Joe Biden" was one in the first.
/// Also the keys of the label-transition features both passes decode with.
/// </summary>
internal static class DocumentFeatures
{
    /// <summary>Label value standing for "before the sentence start" in transition features.</summary>
    public const int StartLabel = BilouLabels.Count;

    /// <summary>Label value standing for "after the sentence end" in first-pass window features.</summary>
    public const int EndLabel = BilouLabels.Count + 1;

    /// <summary>
    /// Counts, per capitalized word and per stem, how the first pass labelled it (column 0 = O, 1 + type), and
    /// collects each capitalized word's neighbours (<see cref="ContextAggregation"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Aggregate(TextDocument document, DocumentState state)
    {
        int tokenCount = document.Tokens.Length;
        state.Contexts.Collect(document, state);
        for (int t = 0; t < tokenCount; t++)
        {
            if (!WordShape.IsCapitalized(state.Caps[t]))
            {
                continue;
            }
            int column = Column(state.FirstPass[t]);
            state.Counts.Add(FeatureHash.Key(DocumentLower, state.Lower[t]), column);
            state.Counts.Add(FeatureHash.Key(DocumentStem, state.Stem[t]), column);
            if (IsUnitOrOutside(state.FirstPass[t]))
            {
                state.Counts.Add(FeatureHash.Key(DocumentUnitStem, state.Stem[t]), column);
            }
        }
    }

    /// <summary>Writes the document keys of token <paramref name="t"/> in sentence <c>[first, end)</c>; returns how many.</summary>
    public static int Keys(DocumentState state, int t, int first, int end, Span<ulong> keys)
    {
        int n = 0;
        var labels = state.FirstPass;
        ulong atM1 = (ulong)(t - 1 >= first ? labels[t - 1] : StartLabel);
        ulong atM2 = (ulong)(t - 2 >= first ? labels[t - 2] : StartLabel);
        ulong atP1 = (ulong)(t + 1 < end ? labels[t + 1] : EndLabel);
        ulong atP2 = (ulong)(t + 2 < end ? labels[t + 2] : EndLabel);
        // The token's own first-pass label is deliberately not a feature: with it the second pass learns to copy the
        // first and ignores the document evidence, which is the point of the pass.
        keys[n++] = FeatureHash.Key(FirstPassAt, 0, atM2);
        keys[n++] = FeatureHash.Key(FirstPassAt, 1, atM1);
        keys[n++] = FeatureHash.Key(FirstPassAt, 3, atP1);
        keys[n++] = FeatureHash.Key(FirstPassAt, 4, atP2);
        if (WordShape.IsCapitalized(state.Caps[t]))
        {
            int own = Column(labels[t]);
            n += Aggregated(state, FeatureHash.Key(DocumentLower, state.Lower[t]), own, DocumentLower, DocumentLowerMajority, keys[n..]);
            n += Aggregated(state, FeatureHash.Key(DocumentStem, state.Stem[t]), own, DocumentStem, DocumentStemMajority, keys[n..]);
            // Also over one-token uses only: "U.S." in "U.S. Open" says little about a lone "U.S.".
            n += Aggregated(state, FeatureHash.Key(DocumentUnitStem, state.Stem[t]), IsUnitOrOutside(labels[t]) ? own : -1,
                DocumentUnitStem, DocumentUnitStemMajority, keys[n..]);
            foreach (ulong context in state.Contexts.Keys(state.Contexts.GroupOfToken(t)))
            {
                keys[n++] = context;
            }
        }
        return n;
    }

    public static ulong Previous1(int previous) => FeatureHash.Key(FeatureTemplates.Previous1, (ulong)previous);

    public static ulong PreviousCap(int previous, CapState cap) => FeatureHash.Key(FeatureTemplates.PreviousCap, (ulong)previous, (ulong)cap);

    public static bool IsUnitOrOutside(int label) => label == BilouLabels.Outside || BilouLabels.PositionOf(label) == BilouPosition.Unit;

    public static int Column(int label) => label == BilouLabels.Outside ? 0 : 1 + (int)BilouLabels.TypeOf(label);

    /// <summary>
    /// The label columns of a key's other occurrences in the document into <paramref name="counts"/> (zeroed, of
    /// <see cref="CountTable.Columns"/>): the token's own first-pass column <paramref name="own"/> left out (−1: none).
    /// Returns how many there are and the most frequent column (the lowest on a tie).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Total, int Best) OtherOccurrences(DocumentState state, ulong key, int own, Span<int> counts)
    {
        var stored = state.Counts.Get(key);
        if (!stored.IsEmpty)
        {
            stored.CopyTo(counts);
            if (own >= 0)
            {
                counts[own]--;
            }
        }
        int total = 0, best = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            total += counts[c];
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }
        return (total, best);
    }

    /// <summary>Features from the other occurrences' label distribution (the token's own first-pass label left out).</summary>
    private static int Aggregated(DocumentState state, ulong key, int own, int template, int majorityTemplate, Span<ulong> keys)
    {
        Span<int> counts = stackalloc int[CountTable.Columns];
        var (total, best) = OtherOccurrences(state, key, own, counts);
        int n = 0;
        if (total <= 0)
        {
            keys[n++] = FeatureHash.Key(majorityTemplate, 99, 0);
            return n;
        }
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                int share = counts[c] == total ? 4 : counts[c] * 4 / total; // 0..3 partial, 4 = every other occurrence
                keys[n++] = FeatureHash.Key(template, (ulong)c, (ulong)share);
            }
        }
        int frequency = total == 1 ? 0 : total <= 3 ? 1 : 2;
        keys[n++] = FeatureHash.Key(majorityTemplate, (ulong)best, (ulong)frequency);
        return n;
    }
}
