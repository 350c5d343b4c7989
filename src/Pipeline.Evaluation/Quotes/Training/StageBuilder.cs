using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Entities.Training;
using Pipeline.Quotes;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// Turns a stage's averaged perceptron weights into a <see cref="LinearModel"/>: weights quantized to 16 bits against
/// the stage's largest weight (a stage only compares its own scores, so the scale is not needed) and rows left all zero dropped.
/// </summary>
internal static class StageBuilder
{
    public static LinearModel Build(FeatureIndexer indexer, AveragedPerceptron perceptron)
    {
        int labels = perceptron.Labels;
        int rows = indexer.Count;
        var weights = perceptron.Snapshot(rows);
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }
        float scale = max == 0 ? 1 : max / short.MaxValue;
        var kept = new List<ulong>();
        var quantized = new List<short>();
        Span<short> row = stackalloc short[labels];
        for (int r = 0; r < rows; r++)
        {
            bool any = false;
            for (int l = 0; l < labels; l++)
            {
                int q = (int)MathF.Round(weights[r * labels + l] / scale);
                row[l] = (short)Math.Clamp(q, -short.MaxValue, short.MaxValue);
                any |= q != 0;
            }
            if (!any)
            {
                continue;
            }
            kept.Add(indexer.KeyOf(r));
            foreach (short w in row)
            {
                quantized.Add(w);
            }
        }
        return Indexed(labels, kept, quantized);
    }

    /// <summary>
    /// <paramref name="stage"/> without the weights smaller than <paramref name="share"/> of its largest (which is
    /// <see cref="short.MaxValue"/> after <see cref="Build"/>), and without the rows that leaves all zero.
    /// </summary>
    public static LinearModel Prune(LinearModel stage, double share)
    {
        int labels = stage.Labels;
        int threshold = (int)Math.Round(share * short.MaxValue);
        var entries = new List<KeyValuePair<ulong, int>>(stage.Rows.Count);
        stage.Rows.CopyTo(entries);
        entries.Sort((a, b) => a.Value.CompareTo(b.Value));
        var kept = new List<ulong>();
        var weights = new List<short>();
        Span<short> row = stackalloc short[labels];
        foreach (var (key, index) in entries)
        {
            bool any = false;
            for (int l = 0; l < labels; l++)
            {
                short w = stage.Weights[index * labels + l];
                row[l] = Math.Abs((int)w) < threshold ? (short)0 : w;
                any |= row[l] != 0;
            }
            if (any)
            {
                kept.Add(key);
                weights.AddRange(row);
            }
        }
        return Indexed(labels, kept, weights);
    }

    private static LinearModel Indexed(int labels, List<ulong> keys, List<short> weights)
    {
        var index = new HashIndex(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            index.Set(keys[i], i);
        }
        return new LinearModel(labels, index, [.. weights]);
    }

    /// <summary>A stage with no features, for models that are built one stage at a time.</summary>
    public static LinearModel Empty(int labels) => new(labels, new HashIndex(0), []);
}
