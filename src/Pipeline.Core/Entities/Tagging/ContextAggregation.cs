using System.Runtime.CompilerServices;
using Pipeline.Text;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Context aggregation (Ratinov &amp; Roth 2009), a feature of the document pass: a capitalized word sees the words
/// next to it at every one of its occurrences in the document. "Banespa" once written as "state bank Banespa" is a
/// bank in every sentence that names it, even where its own neighbours say nothing. The label aggregates of
/// <see cref="DocumentFeatures"/> spread what the first pass concluded (right or wrong); these spread the evidence.
/// </summary>
internal static class ContextAggregation
{
    /// <summary>Occurrences of a word whose neighbours count; enough to describe a name, bounded for long documents.</summary>
    public const int MaxOccurrences = 12;

    /// <summary>At most this many distinct neighbour features per word (two per occurrence).</summary>
    public const int MaxKeysPerWord = 2 * MaxOccurrences;

    private static readonly ulong BoundaryLeft = FeatureHash.Chars("<S>");
    private static readonly ulong BoundaryRight = FeatureHash.Chars("</S>");

    /// <summary>
    /// Fills <see cref="DocumentState.Contexts"/>: for every capitalized word of the document, the feature keys of its
    /// neighbours (left and right, within the sentence) at its first <see cref="MaxOccurrences"/> occurrences, sorted by
    /// word and without repeats. Uses <see cref="DocumentState.Counts"/> (keys of its own template) to count occurrences.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Collect(TextDocument document, DocumentState state)
    {
        int n = document.Tokens.Length;
        state.EnsureContexts(2 * n);
        var contexts = state.Contexts;
        int count = 0;
        foreach (var sentence in document.Sentences)
        {
            if (!FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                continue;
            }
            for (int t = first; t < end; t++)
            {
                if (!WordShape.IsCapitalized(state.Caps[t]))
                {
                    continue;
                }
                ulong word = state.Lower[t];
                ulong occurrences = FeatureHash.Key(ContextLeft, word, 0);
                if (state.Counts.Get(occurrences) is { IsEmpty: false } seen && seen[0] >= MaxOccurrences)
                {
                    continue;
                }
                state.Counts.Add(occurrences, 0);
                contexts[count++] = new ContextKey(word, FeatureHash.Key(ContextLeft, t > first ? state.Lower[t - 1] : BoundaryLeft));
                contexts[count++] = new ContextKey(word, FeatureHash.Key(ContextRight, t + 1 < end ? state.Lower[t + 1] : BoundaryRight));
            }
        }
        Array.Sort(contexts, 0, count);
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            if (kept == 0 || !contexts[i].Equals(contexts[kept - 1]))
            {
                contexts[kept++] = contexts[i];
            }
        }
        state.ContextCount = kept;
    }

    /// <summary>The aggregated context keys of word <paramref name="lower"/> (empty when it is not a capitalized word of the document).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<ContextKey> Of(DocumentState state, ulong lower)
    {
        var contexts = state.Contexts.AsSpan(0, state.ContextCount);
        int low = 0, high = contexts.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (contexts[middle].Word < lower)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        int stop = low;
        while (stop < contexts.Length && contexts[stop].Word == lower)
        {
            stop++;
        }
        return contexts[low..stop];
    }
}

/// <summary>One neighbour feature of a capitalized word, ordered by word and then key.</summary>
internal readonly record struct ContextKey(ulong Word, ulong Key) : IComparable<ContextKey>
{
    public int CompareTo(ContextKey other) => Word != other.Word ? Word.CompareTo(other.Word) : Key.CompareTo(other.Key);
}
