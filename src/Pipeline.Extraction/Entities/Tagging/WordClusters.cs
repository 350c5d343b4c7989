using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Word classes learned from unlabelled news (see <c>ClusterBuilder</c> (Pipeline.Evaluation)) at several granularities, from coarse
/// to fine. A rare word shares the weights of frequent words in its classes, which is what lets the tagger handle
/// names and words it never saw labelled. Only hashes of lower-cased words and class ids are kept, never text.
/// </summary>
internal sealed class WordClusters
{
    /// <summary>Number of classes at each level; the ids are packed into one int, 10 bits each.</summary>
    public static ReadOnlySpan<int> Granularities => [64, 256, 1024];

    public WordClusters(HashIndex classes)
    {
        Classes = classes;
    }

    public static WordClusters Empty { get; } = new(new HashIndex(0));

    /// <summary>Lower-case word hash → class ids, level g in bits <c>[10g, 10g + 10)</c>.</summary>
    public HashIndex Classes { get; }

    public static int Shift(int level) => level * 10;

    /// <summary>The packed class ids of a word, or -1 when it has none.</summary>
    public int Lookup(ulong lower) => Classes.Get(lower, -1);

    public static int ClassAt(int packed, int level) => (packed >> Shift(level)) & 1023;
}
