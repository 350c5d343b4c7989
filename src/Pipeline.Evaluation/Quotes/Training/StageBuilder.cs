using Pipeline.Evaluation.Entities.Training;
using Pipeline.Entities.Tagging;
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
        var index = new HashIndex(kept.Count);
        for (int i = 0; i < kept.Count; i++)
        {
            index.Set(kept[i], i);
        }
        return new LinearModel(labels, index, [.. quantized]);
    }

    /// <summary>A stage with no features, for models that are built one stage at a time.</summary>
    public static LinearModel Empty(int labels) => new(labels, new HashIndex(0), []);
}
