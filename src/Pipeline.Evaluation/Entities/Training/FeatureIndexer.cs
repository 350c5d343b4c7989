using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>Training-time map from feature keys to dense row numbers (the model keeps only the rows that survive pruning).</summary>
internal sealed class FeatureIndexer
{
    private readonly Dictionary<ulong, int> _rows = new(1 << 20);
    private readonly List<ulong> _keys = new(1 << 20);

    public int Count => _keys.Count;

    public int GetOrAdd(ulong key)
    {
        if (!_rows.TryGetValue(key, out int row))
        {
            row = _keys.Count;
            _rows.Add(key, row);
            _keys.Add(key);
        }
        return row;
    }

    public ulong KeyOf(int row) => _keys[row];
}
