using System.Runtime.CompilerServices;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Scratch open-addressing table from 64-bit keys to a few int counters: per-document state for the document-level
/// features, one per thread. Grows by rehashing, so its size follows the number of distinct words, not tokens; it
/// remembers which slots it filled, so emptying it costs what the last document used, not its capacity.
/// </summary>
internal sealed class CountTable
{
    public const int Columns = 1 + BilouLabels.TypeCount;
    private const int InitialCapacity = 1024;

    private ulong[] _keys = new ulong[InitialCapacity];
    private int[] _counts = new int[InitialCapacity * Columns];
    private int _mask = InitialCapacity - 1;
    private int _live;

    /// <summary>The filled slots, <see cref="_live"/> of them (at most half the capacity).</summary>
    private int[] _filled = new int[InitialCapacity / 2];

    /// <summary>
    /// Empties the table for a document of <paramref name="tokens"/> tokens. Only the slots the last document filled
    /// are cleared; a table much larger than this document needs (left by a huge one) is replaced by a small one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset(int tokens)
    {
        int wanted = InitialCapacity;
        while (wanted < tokens * 2)
        {
            wanted <<= 1;
        }
        if (_mask + 1 > wanted * 4)
        {
            Allocate(wanted);
        }
        else
        {
            var keys = _keys;
            var counts = _counts;
            var filled = _filled;
            for (int i = 0; i < _live; i++)
            {
                int slot = filled[i];
                keys[slot] = 0;
                counts.AsSpan(slot * Columns, Columns).Clear();
            }
        }
        _live = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ulong key, int column)
    {
        if (key == 0)
        {
            key = 1;
        }
        if ((_live + 1) * 2 > _mask + 1)
        {
            Grow();
        }
        int slot = (int)(key & (uint)_mask);
        while (_keys[slot] != key)
        {
            if (_keys[slot] == 0)
            {
                _keys[slot] = key;
                _filled[_live++] = slot;
                break;
            }
            slot = (slot + 1) & _mask;
        }
        _counts[slot * Columns + column]++;
    }

    /// <summary>The counters of <paramref name="key"/>, or an empty span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<int> Get(ulong key)
    {
        if (key == 0)
        {
            key = 1;
        }
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            ulong existing = _keys[slot];
            if (existing == key)
            {
                return _counts.AsSpan(slot * Columns, Columns);
            }
            if (existing == 0)
            {
                return default;
            }
            slot = (slot + 1) & _mask;
        }
    }

    private void Allocate(int capacity)
    {
        _keys = new ulong[capacity];
        _counts = new int[capacity * Columns];
        _filled = new int[capacity / 2];
        _mask = capacity - 1;
    }

    private void Grow()
    {
        var keys = _keys;
        var counts = _counts;
        var filled = _filled;
        int live = _live;
        Allocate((_mask + 1) * 2);
        for (int i = 0; i < live; i++)
        {
            int old = filled[i];
            int slot = (int)(keys[old] & (uint)_mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = keys[old];
            _filled[i] = slot;
            counts.AsSpan(old * Columns, Columns).CopyTo(_counts.AsSpan(slot * Columns, Columns));
        }
    }
}
