using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// One stage of the quote model as data: feature key → row, and <see cref="Labels"/> quantized weights per row (one
/// for a ranker's score). Immutable once built, so shared between threads.
/// </summary>
/// <remarks>
/// Scoring reads a copy of <see cref="Rows"/> and <see cref="Weights"/> laid out for speed: an open-addressing table
/// that keeps each key's weights beside it, so a key costs one memory access instead of two (nearly every key a text
/// produces is in the model, so a filter in front would not pay). <see cref="Touch"/> loads the slots of many keys at
/// once, so that a batch of decisions waits for memory once rather than key by key.
/// </remarks>
internal sealed class LinearModel
{
    private readonly ulong[] _table;
    private readonly int _mask;
    private readonly int _stride;

    /// <summary>Where slot 0 starts in <see cref="_table"/>: its first element on a cache line.</summary>
    private readonly int _first;

    public LinearModel(int labels, HashIndex rows, short[] weights)
    {
        if (weights.Length != rows.Count * labels)
        {
            throw new ArgumentException("One row of weights per feature is needed.", nameof(weights));
        }
        Labels = labels;
        Rows = rows;
        Weights = weights;

        var entries = new List<KeyValuePair<ulong, int>>(rows.Count);
        rows.CopyTo(entries);
        int capacity = 16;
        while (capacity < entries.Count * 2)
        {
            capacity <<= 1;
        }
        _mask = capacity - 1;
        // A slot is its key and its weights: 16 bytes up to four labels, and 32 (not 24) up to eight, so that in a table
        // that starts on a cache line no slot straddles two lines, and a key costs one line however its slot falls.
        _stride = 1 + (labels + 3) / 4;
        if (_stride == 3)
        {
            _stride = 4;
        }
        // Pinned, so that its place, and so the offset that puts slot 0 on a cache line, never changes.
        _table = GC.AllocateArray<ulong>(capacity * _stride + 8, pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(_table, 0);
        _first = (int)((64 - address % 64) % 64 / 8);
        foreach (var (stored, row) in entries)
        {
            ulong key = stored == 0 ? 1 : stored;
            int slot = (int)(key & (uint)_mask);
            while (_table[_first + slot * _stride] != 0)
            {
                slot = (slot + 1) & _mask;
            }
            _table[_first + slot * _stride] = key;
            var packed = MemoryMarshal.Cast<ulong, short>(_table.AsSpan(_first + slot * _stride + 1, _stride - 1));
            weights.AsSpan(row * labels, labels).CopyTo(packed);
        }
    }

    public int Labels { get; }

    public HashIndex Rows { get; }

    public short[] Weights { get; }

    /// <summary>The index in the packed table of <paramref name="key"/>'s slot, or -1 when the model has no such key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong key)
    {
        if (key == 0)
        {
            key = 1;
        }
        var table = _table;
        int stride = _stride;
        int first = _first;
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            ulong existing = table[first + slot * stride];
            if (existing == key)
            {
                return first + slot * stride;
            }
            if (existing == 0)
            {
                return -1;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Reads the first slot of every key, without branching on what it finds, so that the memory system fetches them
    /// side by side before <see cref="Add"/> probes them one by one. Returns a value only so the reads are kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong Touch(ReadOnlySpan<ulong> keys)
    {
        var table = _table;
        int stride = _stride;
        uint mask = (uint)_mask;
        ulong sink = 0;
        foreach (ulong key in keys)
        {
            sink ^= table[_first + (int)(key & mask) * stride];
        }
        return sink;
    }

    /// <summary>Sums the weights of <paramref name="keys"/> into <paramref name="scores"/> (<see cref="Labels"/> long).</summary>
    public void Score(ReadOnlySpan<ulong> keys, Span<int> scores)
    {
        scores.Clear();
        Add(keys, scores);
    }

    /// <summary>Adds the weights of <paramref name="keys"/> to <paramref name="scores"/> (<see cref="Labels"/> long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<ulong> keys, Span<int> scores)
    {
        int labels = Labels;
        var table = _table;
        if (labels == 3)
        {
            int s0 = 0, s1 = 0, s2 = 0;
            foreach (ulong key in keys)
            {
                int at = Find(key);
                if (at >= 0)
                {
                    ulong w = table[at + 1];
                    s0 += (short)w;
                    s1 += (short)(w >> 16);
                    s2 += (short)(w >> 32);
                }
            }
            scores[0] += s0;
            scores[1] += s1;
            scores[2] += s2;
            return;
        }
        if (labels is > 4 and <= 8)
        {
            // A slot's first eight weights, widened to ints and summed as two vectors of four (zeros past the labels).
            var low = Vector128<int>.Zero;
            var high = Vector128<int>.Zero;
            foreach (ulong key in keys)
            {
                int at = Find(key);
                if (at >= 0)
                {
                    var w = Vector128.Create(table[at + 1], table[at + 2]).AsInt16();
                    low += Vector128.WidenLower(w);
                    high += Vector128.WidenUpper(w);
                }
            }
            for (int l = 0; l < 4; l++)
            {
                scores[l] += low[l];
            }
            for (int l = 4; l < labels; l++)
            {
                scores[l] += high[l - 4];
            }
            return;
        }
        foreach (ulong key in keys)
        {
            int at = Find(key);
            if (at >= 0)
            {
                var w = MemoryMarshal.Cast<ulong, short>(table.AsSpan(at + 1, _stride - 1));
                for (int l = 0; l < labels; l++)
                {
                    scores[l] += w[l];
                }
            }
        }
    }

    /// <summary>A ranker's score: the sum of the weights of <paramref name="keys"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Score(ReadOnlySpan<ulong> keys)
    {
        int score = 0;
        var table = _table;
        foreach (ulong key in keys)
        {
            int at = Find(key);
            if (at >= 0)
            {
                score += (short)table[at + 1];
            }
        }
        return score;
    }

    /// <summary>A ranker's weight of one key (zero when the model has none).</summary>
    public int Score(ulong key)
    {
        int at = Find(key);
        return at >= 0 ? (short)_table[at + 1] : 0;
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
