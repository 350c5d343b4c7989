using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Text;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The model's feature table as the tagger reads it: hashed lookups behind a small bit filter (most keys a text
/// produces, such as unseen word pairs, are not in the model, and the filter answers that from cache), and dense
/// tables of rows for the templates whose values are few (capitalization, gazetteer positions, first-pass labels,
/// document label shares), resolved once from the same keys <see cref="FeatureExtractor"/> and
/// <see cref="DocumentFeatures"/> hash. Row -1 means "not in the model". Immutable, so shared between threads.
/// </summary>
internal sealed class FeatureRows
{
    private const int L = BilouLabels.Count;
    private const int Caps = PerceptronTaggerModel.CapStates;
    private const int FilterBits = 1 << 20;

    /// <summary>Case-profile buckets with a dense row (the profile stores 1..5; others are looked up).</summary>
    public const int Buckets = 8;

    /// <summary>Gazetteer feature values: type × 8 + position (1..4).</summary>
    public const int GazetteerValues = BilouLabels.TypeCount * 8;

    /// <summary>Values a first-pass label feature takes: the labels, <see cref="DocumentFeatures.StartLabel"/> and <see cref="DocumentFeatures.EndLabel"/>.</summary>
    public const int FirstPassValues = DocumentFeatures.EndLabel + 1;

    private readonly HashIndex _features;
    private readonly short[] _weights;
    private readonly ulong[] _filter = new ulong[FilterBits / 64];

    public FeatureRows(PerceptronTaggerModel model)
    {
        _features = model.Features;
        _weights = model.Weights;
        var entries = new List<KeyValuePair<ulong, int>>(_features.Count);
        _features.CopyTo(entries);
        int rows = _weights.Length / PerceptronTaggerModel.Stride;
        foreach (var (key, row) in entries)
        {
            if ((uint)row >= (uint)rows)
            {
                throw new InvalidDataException($"Feature row {row} is outside the model's {rows} rows.");
            }
            int bit = FilterIndex(key);
            _filter[bit >> 6] |= 1UL << bit;
        }

        Bias = Row(FeatureHash.Key(FeatureTemplates.Bias, 0));
        for (int cap = 0; cap < Caps; cap++)
        {
            for (int position = 0; position < 3; position++)
            {
                for (int sentence = 0; sentence < 4; sentence++)
                {
                    CapContext[(cap * 3 + position) * 4 + sentence] = Row(FeatureHash.Key(FeatureTemplates.CapContext, (ulong)cap, (ulong)position, (ulong)sentence));
                }
            }
            for (int middle = 0; middle < Caps; middle++)
            {
                for (int next = 0; next < Caps; next++)
                {
                    CapTrigram[(cap * Caps + middle) * Caps + next] = Row(FeatureHash.Key(FeatureTemplates.CapTrigram, (ulong)cap, (ulong)middle, (ulong)next));
                }
            }
            for (int context = 0; context < 8; context++)
            {
                for (int bucket = 0; bucket < Buckets; bucket++)
                {
                    CaseProfile[(bucket * Caps + cap) * 8 + context] = Row(FeatureHash.Key(FeatureTemplates.CaseProfile, (ulong)bucket, (ulong)cap, (ulong)context));
                }
                for (int flags = 0; flags < 4; flags++)
                {
                    DocumentCase[(flags * Caps + cap) * 8 + context] = Row(FeatureHash.Key(FeatureTemplates.DocumentCase, (ulong)flags, (ulong)cap, (ulong)context));
                }
            }
            for (int value = 0; value < GazetteerValues; value++)
            {
                GazetteerCap[value * Caps + cap] = Row(FeatureHash.Key(FeatureTemplates.GazetteerCap, (ulong)value, (ulong)cap));
                NameListCap[value * Caps + cap] = Row(FeatureHash.Key(FeatureTemplates.NameListCap, (ulong)value, (ulong)cap));
            }
        }
        for (int slot = 0; slot < 3; slot++)
        {
            for (int value = 0; value < GazetteerValues; value++)
            {
                GazetteerAt[slot * GazetteerValues + value] = Row(FeatureHash.Key(FeatureTemplates.GazetteerAt, (ulong)slot, (ulong)value));
                NameListAt[slot * GazetteerValues + value] = Row(FeatureHash.Key(FeatureTemplates.NameListAt, (ulong)slot, (ulong)value));
            }
        }
        for (int slot = 0; slot < 5; slot++)
        {
            for (int label = 0; label < FirstPassValues; label++)
            {
                FirstPassAt[slot * FirstPassValues + label] = Row(FeatureHash.Key(FeatureTemplates.FirstPassAt, (ulong)slot, (ulong)label));
            }
        }
        ReadOnlySpan<(int Template, int Majority)> aggregates =
            [(DocumentLower, DocumentLowerMajority), (DocumentStem, DocumentStemMajority), (DocumentUnitStem, DocumentUnitStemMajority)];
        for (int a = 0; a < aggregates.Length; a++)
        {
            var (template, majority) = aggregates[a];
            for (int column = 0; column < CountTable.Columns; column++)
            {
                for (int share = 0; share <= 4; share++)
                {
                    Shares[(a * CountTable.Columns + column) * 5 + share] = Row(FeatureHash.Key(template, (ulong)column, (ulong)share));
                }
                for (int frequency = 0; frequency < 3; frequency++)
                {
                    Majorities[(a * CountTable.Columns + column) * 3 + frequency] = Row(FeatureHash.Key(majority, (ulong)column, (ulong)frequency));
                }
            }
            NoOthers[a] = Row(FeatureHash.Key(majority, 99, 0));
        }
    }

    public int Bias { get; }

    /// <summary>[cap × 3 + min(position, 2)] × 4 + sentence case.</summary>
    public int[] CapContext { get; } = new int[Caps * 3 * 4];

    /// <summary>[previous × 8 + cap] × 8 + next.</summary>
    public int[] CapTrigram { get; } = new int[Caps * Caps * Caps];

    /// <summary>[bucket × 8 + cap] × 8 + context.</summary>
    public int[] CaseProfile { get; } = new int[Buckets * Caps * 8];

    /// <summary>[flags × 8 + cap] × 8 + context.</summary>
    public int[] DocumentCase { get; } = new int[4 * Caps * 8];

    /// <summary>slot × <see cref="GazetteerValues"/> + value.</summary>
    public int[] GazetteerAt { get; } = new int[3 * GazetteerValues];

    /// <summary>value × 8 + cap.</summary>
    public int[] GazetteerCap { get; } = new int[GazetteerValues * Caps];

    /// <summary>As <see cref="GazetteerAt"/>, for the name lists.</summary>
    public int[] NameListAt { get; } = new int[3 * GazetteerValues];

    /// <summary>As <see cref="GazetteerCap"/>, for the name lists.</summary>
    public int[] NameListCap { get; } = new int[GazetteerValues * Caps];

    /// <summary>slot × <see cref="FirstPassValues"/> + label.</summary>
    public int[] FirstPassAt { get; } = new int[5 * FirstPassValues];

    /// <summary>Per aggregate (lower, stem, unit stem): [aggregate × columns + column] × 5 + share.</summary>
    public int[] Shares { get; } = new int[3 * CountTable.Columns * 5];

    /// <summary>Per aggregate: [aggregate × columns + best column] × 3 + frequency.</summary>
    public int[] Majorities { get; } = new int[3 * CountTable.Columns * 3];

    /// <summary>Per aggregate: the row of "no other occurrence".</summary>
    public int[] NoOthers { get; } = new int[3];

    /// <summary>The row of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong key)
    {
        key = key == 0 ? 1 : key; // as HashIndex stores it
        int bit = FilterIndex(key);
        return (_filter[bit >> 6] & (1UL << bit)) == 0 ? -1 : _features.Get(key, -1);
    }

    /// <summary>Adds row <paramref name="row"/> (both passes) unless it is -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ref ScoreAccumulator scores, int row)
    {
        if (row >= 0)
        {
            scores.AddWeights(ref WeightsOf(row));
        }
    }

    /// <summary>Adds the document pass's half of row <paramref name="row"/> to <paramref name="scores"/> unless it is -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddSecond(int row, Span<int> scores)
    {
        if (row >= 0)
        {
            ScoreAccumulator.AddSecondHalf(ref WeightsOf(row), scores);
        }
    }

    /// <summary>Sums rows into <paramref name="scores"/> (<see cref="PerceptronTaggerModel.Stride"/> ints), skipping -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sum(ReadOnlySpan<int> rows, Span<int> scores)
    {
        var sum = default(ScoreAccumulator);
        foreach (int row in rows)
        {
            Add(ref sum, row);
        }
        sum.Store(scores);
    }

    /// <summary>Rows are checked against the weights at construction, so this reads in bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref short WeightsOf(int row) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), (nint)row * PerceptronTaggerModel.Stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FilterIndex(ulong key) => (int)(key >> 44); // 20 high bits; the table indexes with the low ones
}
