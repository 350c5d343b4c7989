using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipeline.Quotes;

/// <summary>
/// One stage of the quote model as data: feature key → <see cref="Labels"/> quantized weights (one for a ranker's
/// score). Immutable once built, so shared between threads.
/// </summary>
/// <remarks>
/// The weights are held in one open-addressing table that keeps each key's weights beside it, so a key costs one
/// memory access (nearly every key a text produces is in the model, so a filter in front would not pay), and the model
/// is held once: no separate index of rows and array of weights. <see cref="Touch"/> loads the slots of many keys at
/// once, so that a batch of decisions waits for memory once rather than key by key.
/// </remarks>
internal sealed class LinearModel
{
    private readonly ulong[] _table;
    private readonly int _mask;

    /// <summary>
    /// A key's first slot is its top bits (<c>key &gt;&gt; _shift</c>), not its bottom ones: keys are hashes, so either
    /// spreads them, but with the top bits the model file's sorted keys fill the table front to back as it loads.
    /// </summary>
    private readonly int _shift;
    private readonly int _stride;

    /// <summary>Where slot 0 starts in <see cref="_table"/>: its first element on a cache line.</summary>
    private readonly int _first;

    /// <summary>An empty stage with room for <paramref name="count"/> keys, filled by <see cref="Set"/>.</summary>
    public LinearModel(int labels, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labels, 1);
        Labels = labels;
        int capacity = 16;
        while (capacity < count * 2)
        {
            capacity <<= 1;
        }
        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
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
    }

    /// <summary>A stage whose key <c>keys[r]</c> has the weights <c>weights[r × labels …]</c>.</summary>
    public static LinearModel From(int labels, IReadOnlyList<ulong> keys, ReadOnlySpan<short> weights)
    {
        if (weights.Length != keys.Count * labels)
        {
            throw new ArgumentException("One row of weights per feature is needed.", nameof(weights));
        }
        var stage = new LinearModel(labels, keys.Count);
        for (int r = 0; r < keys.Count; r++)
        {
            stage.Set(keys[r], weights.Slice(r * labels, labels));
        }
        return stage;
    }

    public int Labels { get; }

    /// <summary>
    /// One stage with the labels of <paramref name="first"/> then those of <paramref name="second"/>, for every key of
    /// either (zeros where a stage has none): a key the two share costs one lookup for both.
    /// </summary>
    public static LinearModel Concat(LinearModel first, LinearModel second)
    {
        var (firstKeys, firstWeights) = first.Rows();
        var (secondKeys, secondWeights) = second.Rows();
        return Concat(first.Labels, firstKeys, firstWeights, second.Labels, secondKeys, secondWeights);
    }

    /// <summary>As <see cref="Concat(LinearModel, LinearModel)"/>, from two stages' keys in ascending order and their rows of weights.</summary>
    public static LinearModel Concat(int firstLabels, ReadOnlySpan<ulong> firstKeys, ReadOnlySpan<short> firstWeights,
        int secondLabels, ReadOnlySpan<ulong> secondKeys, ReadOnlySpan<short> secondWeights)
    {
        if (!Ascending(firstKeys) || !Ascending(secondKeys))
        {
            throw new ArgumentException("The keys of each stage must ascend.");
        }
        int union = 0;
        for (int i = 0, j = 0; i < firstKeys.Length || j < secondKeys.Length; union++)
        {
            ulong next = Math.Min(i < firstKeys.Length ? firstKeys[i] : ulong.MaxValue, j < secondKeys.Length ? secondKeys[j] : ulong.MaxValue);
            i += i < firstKeys.Length && firstKeys[i] == next ? 1 : 0;
            j += j < secondKeys.Length && secondKeys[j] == next ? 1 : 0;
        }
        var both = new LinearModel(firstLabels + secondLabels, union);
        Span<short> row = stackalloc short[both.Labels];
        for (int i = 0, j = 0; i < firstKeys.Length || j < secondKeys.Length;)
        {
            ulong key = Math.Min(i < firstKeys.Length ? firstKeys[i] : ulong.MaxValue, j < secondKeys.Length ? secondKeys[j] : ulong.MaxValue);
            row.Clear();
            if (i < firstKeys.Length && firstKeys[i] == key)
            {
                firstWeights.Slice(i++ * firstLabels, firstLabels).CopyTo(row);
            }
            if (j < secondKeys.Length && secondKeys[j] == key)
            {
                secondWeights.Slice(j++ * secondLabels, secondLabels).CopyTo(row[firstLabels..]);
            }
            both.Set(key, row);
        }
        return both;
    }

    private static bool Ascending(ReadOnlySpan<ulong> keys)
    {
        for (int k = 1; k < keys.Length; k++)
        {
            if (keys[k] <= keys[k - 1])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The stage of labels <c>[offset, offset + labels)</c> of this one: the keys with a weight among them (<see cref="Concat(LinearModel, LinearModel)"/> undone).</summary>
    public LinearModel Slice(int offset, int labels)
    {
        var (keys, weights) = Rows();
        var kept = new List<ulong>();
        var keptWeights = new List<short>();
        for (int k = 0; k < keys.Length; k++)
        {
            var part = weights.AsSpan(k * Labels + offset, labels);
            if (part.ContainsAnyExcept((short)0))
            {
                kept.Add(keys[k]);
                keptWeights.AddRange(part);
            }
        }
        return From(labels, kept, CollectionsMarshal.AsSpan(keptWeights));
    }

    /// <summary>Every key in ascending order, and its weights (<see cref="Labels"/> a key).</summary>
    public (ulong[] Keys, short[] Weights) Rows()
    {
        var keys = Keys();
        Array.Sort(keys);
        var weights = new short[keys.Length * Labels];
        for (int k = 0; k < keys.Length; k++)
        {
            TryGetWeights(keys[k], weights.AsSpan(k * Labels, Labels));
        }
        return (keys, weights);
    }

    /// <summary>How many keys have weights.</summary>
    public int Count { get; private set; }

    /// <summary>Sets the weights of <paramref name="key"/>. Only for building; callers must not write while others read.</summary>
    public void Set(ulong key, ReadOnlySpan<short> weights)
    {
        if (weights.Length != Labels)
        {
            throw new ArgumentException("One weight per label is needed.", nameof(weights));
        }
        if (key == 0)
        {
            key = 1;
        }
        int slot = (int)(key >> _shift);
        int at = _first + slot * _stride;
        while (_table[at] != 0 && _table[at] != key)
        {
            slot = (slot + 1) & _mask;
            at = _first + slot * _stride;
        }
        if (_table[at] == 0)
        {
            if ((Count + 1) * 2 > _mask + 1)
            {
                throw new InvalidOperationException("The stage is full; size it for its keys.");
            }
            _table[at] = key;
            Count++;
        }
        weights.CopyTo(SlotWeights(at));
    }

    /// <summary>Every key that has weights, in table order (for serializing and training).</summary>
    public ulong[] Keys()
    {
        var keys = new ulong[Count];
        int k = 0;
        for (int slot = 0; slot <= _mask; slot++)
        {
            ulong key = _table[_first + slot * _stride];
            if (key != 0)
            {
                keys[k++] = key;
            }
        }
        return keys;
    }

    /// <summary>The weights of <paramref name="key"/> (<see cref="Labels"/> long); false, and zeros, when it has none.</summary>
    public bool TryGetWeights(ulong key, Span<short> weights)
    {
        int at = Find(key);
        if (at < 0)
        {
            weights[..Labels].Clear();
            return false;
        }
        SlotWeights(at)[..Labels].CopyTo(weights);
        return true;
    }

    /// <summary>The weights stored in the slot at <paramref name="at"/> (all of the slot, <see cref="Labels"/> and padding).</summary>
    private Span<short> SlotWeights(int at) => MemoryMarshal.Cast<ulong, short>(_table.AsSpan(at + 1, _stride - 1));

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
        int slot = (int)(key >> _shift);
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
        int shift = _shift;
        ulong sink = 0;
        foreach (ulong key in keys)
        {
            sink ^= table[_first + (int)(key >> shift) * stride];
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
        int at = Find(key);
        if (at >= 0)
        {
            var w = SlotWeights(at);
            for (int l = 0; l < Labels; l++)
            {
                output[l] = w[l];
            }
        }
    }
}
