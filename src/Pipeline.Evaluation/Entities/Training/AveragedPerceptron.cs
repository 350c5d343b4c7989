using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Multiclass perceptron weights over feature rows with exact lazy averaging (Daumé's trick: keep
/// <c>u += c·Δ</c> beside <c>w</c>; the average is <c>w − u/c</c>). Integer weights because every update is ±1,
/// so averaging is exact and deterministic. Shared by the entity tagger (BILOU labels) and the quote models (a few
/// labels, or one score per candidate for ranking).
/// </summary>
internal sealed class AveragedPerceptron
{
    private readonly int L;

    private int[] _weights;
    private long[] _updates;
    private long _clock = 1;

    /// <param name="labels">Weights per feature row: the label count, or 1 for a ranker's single score.</param>
    public AveragedPerceptron(int labels = BilouLabels.Count)
    {
        L = labels;
        _weights = new int[1024 * L];
        _updates = new long[1024 * L];
    }

    public int Labels => L;

    public void EnsureRows(int rows)
    {
        if (_weights.Length >= rows * L)
        {
            return;
        }
        int size = Math.Max(rows, _weights.Length / L * 3 / 2) * L;
        Array.Resize(ref _weights, size);
        Array.Resize(ref _updates, size);
    }

    public void Score(ReadOnlySpan<int> rows, Span<int> scores)
    {
        scores.Clear();
        var weights = _weights;
        foreach (int row in rows)
        {
            var w = weights.AsSpan(row * L, L);
            for (int l = 0; l < L; l++)
            {
                scores[l] += w[l];
            }
        }
    }

    public void Update(ReadOnlySpan<int> rows, int label, int delta)
    {
        long timed = _clock * delta;
        foreach (int row in rows)
        {
            _weights[row * L + label] += delta;
            _updates[row * L + label] += timed;
        }
    }

    /// <summary>The current (not averaged) weight; 0 for rows beyond the allocated ones.</summary>
    public int Weight(int row, int label) => row * L + label < _weights.Length ? _weights[row * L + label] : 0;

    /// <summary>Advances the averaging clock by one training instance.</summary>
    public void Tick() => _clock++;

    /// <summary>All averaged weights, row-major (<see cref="Labels"/> per row), for building a model.</summary>
    public float[] Snapshot(int rows)
    {
        var averaged = new float[rows * L];
        int available = Math.Min(averaged.Length, _weights.Length);
        for (int i = 0; i < available; i++)
        {
            averaged[i] = (float)(_weights[i] - (double)_updates[i] / _clock);
        }
        return averaged;
    }
}
