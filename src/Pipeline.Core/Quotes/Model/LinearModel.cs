using Pipeline.Entities.Tagging;

namespace Pipeline.Quotes;

/// <summary>
/// One stage of the quote model as data: feature key → row, and <see cref="Labels"/> quantized weights per row (one
/// for a ranker's score). Immutable once built, so shared between threads.
/// </summary>
internal sealed class LinearModel
{
    public LinearModel(int labels, HashIndex rows, short[] weights)
    {
        if (weights.Length != rows.Count * labels)
        {
            throw new ArgumentException("One row of weights per feature is needed.", nameof(weights));
        }
        Labels = labels;
        Rows = rows;
        Weights = weights;
    }

    public int Labels { get; }

    public HashIndex Rows { get; }

    public short[] Weights { get; }

    /// <summary>Sums the weights of <paramref name="keys"/> into <paramref name="scores"/> (<see cref="Labels"/> long).</summary>
    public void Score(ReadOnlySpan<ulong> keys, Span<int> scores)
    {
        scores.Clear();
        int labels = Labels;
        var weights = Weights;
        foreach (ulong key in keys)
        {
            if (Rows.TryGet(key, out int row))
            {
                var w = weights.AsSpan(row * labels, labels);
                for (int l = 0; l < w.Length; l++)
                {
                    scores[l] += w[l];
                }
            }
        }
    }

    /// <summary>A ranker's score: the sum of the weights of <paramref name="keys"/>.</summary>
    public int Score(ReadOnlySpan<ulong> keys)
    {
        int score = 0;
        foreach (ulong key in keys)
        {
            if (Rows.TryGet(key, out int row))
            {
                score += Weights[row];
            }
        }
        return score;
    }

    /// <summary>The weights of one key (zero when the model has none), for transition tables.</summary>
    public void Row(ulong key, Span<int> output)
    {
        output.Clear();
        if (Rows.TryGet(key, out int row))
        {
            for (int l = 0; l < Labels; l++)
            {
                output[l] = Weights[row * Labels + l];
            }
        }
    }
}
