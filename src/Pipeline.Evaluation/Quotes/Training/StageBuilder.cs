using System.Runtime.InteropServices;
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
        return LinearModel.From(labels, kept, CollectionsMarshal.AsSpan(quantized));
    }

    /// <summary>
    /// <paramref name="stage"/> without the weights smaller than <paramref name="share"/> of its largest (which is
    /// <see cref="short.MaxValue"/> after <see cref="Build"/>), and without the rows that leaves all zero.
    /// </summary>
    public static LinearModel Prune(LinearModel stage, double share)
    {
        int labels = stage.Labels;
        int threshold = (int)Math.Round(share * short.MaxValue);
        var kept = new List<ulong>();
        var weights = new List<short>();
        Span<short> row = stackalloc short[labels];
        foreach (ulong key in stage.Keys())
        {
            stage.TryGetWeights(key, row);
            bool any = false;
            for (int l = 0; l < labels; l++)
            {
                row[l] = Math.Abs((int)row[l]) < threshold ? (short)0 : row[l];
                any |= row[l] != 0;
            }
            if (any)
            {
                kept.Add(key);
                weights.AddRange(row);
            }
        }
        return LinearModel.From(labels, kept, CollectionsMarshal.AsSpan(weights));
    }

    /// <summary>
    /// The mean of <paramref name="stages"/>' weights (each scaled to its own largest by <see cref="Build"/>), over the
    /// union of their features; one stage is returned as it is.
    /// </summary>
    public static LinearModel Average(IReadOnlyList<LinearModel> stages)
    {
        if (stages.Count == 1)
        {
            return stages[0];
        }
        int labels = stages[0].Labels;
        var order = new List<ulong>();
        var sums = new Dictionary<ulong, int[]>();
        Span<short> row = stackalloc short[labels];
        foreach (var stage in stages)
        {
            foreach (ulong key in stage.Keys())
            {
                if (!sums.TryGetValue(key, out var sum))
                {
                    sums[key] = sum = new int[labels];
                    order.Add(key);
                }
                stage.TryGetWeights(key, row);
                for (int l = 0; l < labels; l++)
                {
                    sum[l] += row[l];
                }
            }
        }
        var keys = new List<ulong>();
        var weights = new List<short>();
        foreach (ulong key in order)
        {
            var sum = sums[key];
            if (Array.TrueForAll(sum, w => w == 0))
            {
                continue;
            }
            keys.Add(key);
            foreach (int w in sum)
            {
                weights.Add((short)Math.Round((double)w / stages.Count, MidpointRounding.AwayFromZero));
            }
        }
        return LinearModel.From(labels, keys, CollectionsMarshal.AsSpan(weights));
    }

    /// <summary>A stage with no features, for models that are built one stage at a time.</summary>
    public static LinearModel Empty(int labels) => new(labels, 0);
}
