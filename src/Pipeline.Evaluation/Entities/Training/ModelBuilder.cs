using Pipeline.Entities.Tagging;
using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Turns averaged training weights into a compact <see cref="PerceptronTaggerModel"/>: each pass's weights are
/// quantized to 16 bits against that pass's largest weight (decoding only compares scores within a pass, so the
/// scale itself is not needed), weights smaller than <c>prune</c> are dropped, and rows left all-zero are removed.
/// </summary>
internal static class ModelBuilder
{
    private const int L = BilouLabels.Count;
    private const int Stride = PerceptronTaggerModel.Stride;

    public static PerceptronTaggerModel Build(FeatureIndexer indexer, float[]? firstPass, float[]? secondPass,
        Gazetteer gazetteer, Gazetteer nameLists, WordClusters clusters, CaseProfile caseProfile, IReadOnlyDictionary<string, string> metadata, float prune)
    {
        int rows = indexer.Count;
        float scale1 = Scale(firstPass), scale2 = Scale(secondPass);
        var weights = new short[Math.Max(rows, 1) * Stride];
        var keys = new List<ulong>();
        Span<short> row = stackalloc short[Stride];
        for (int r = 0; r < rows; r++)
        {
            bool any = Quantize(firstPass, r, scale1, prune, row[..L]) | Quantize(secondPass, r, scale2, prune, row[L..]);
            if (!any)
            {
                continue;
            }
            row.CopyTo(weights.AsSpan(keys.Count * Stride, Stride));
            keys.Add(indexer.KeyOf(r));
        }
        var index = new HashIndex(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            index.Set(keys[i], i);
        }
        Array.Resize(ref weights, keys.Count * Stride);
        return new PerceptronTaggerModel(index, weights, gazetteer, nameLists, clusters, caseProfile, metadata);
    }

    private static float Scale(float[]? weights)
    {
        if (weights == null)
        {
            return 1;
        }
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }
        return max == 0 ? 1 : max / short.MaxValue;
    }

    private static bool Quantize(float[]? weights, int row, float scale, float prune, Span<short> output)
    {
        output.Clear();
        if (weights == null || (row + 1) * L > weights.Length)
        {
            return false;
        }
        bool any = false;
        for (int l = 0; l < L; l++)
        {
            float w = weights[row * L + l];
            if (Math.Abs(w) < prune)
            {
                continue;
            }
            int q = (int)MathF.Round(w / scale);
            if (q != 0)
            {
                output[l] = (short)Math.Clamp(q, -short.MaxValue, short.MaxValue);
                any = true;
            }
        }
        return any;
    }
}
