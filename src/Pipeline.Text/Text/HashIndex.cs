using System.Runtime.CompilerServices;

namespace Pipeline.Text;

/// <summary>
/// A read-mostly open-addressing map from non-zero 64-bit hashes to ints, built once and then only read, so it
/// is safe to share between threads (or owned by one thread as a cache, emptied with <see cref="Clear"/> when
/// <see cref="IsFull"/>). Keys and values sit side by side so one lookup touches one cache line.
/// </summary>
internal sealed class HashIndex
{
    private readonly ulong[] _slots; // [key, value] pairs; value stored as (ulong)(uint)
    private readonly int _mask;

    public HashIndex(int expectedCount)
    {
        int capacity = 16;
        while (capacity < expectedCount * 2)
        {
            capacity <<= 1;
        }
        _slots = new ulong[capacity * 2];
        _mask = capacity - 1;
    }

    public int Count { get; private set; }

    /// <summary>True when one more entry would take the table past the load <see cref="Set"/> allows.</summary>
    public bool IsFull => (Count + 1) * 10 > (_mask + 1) * 7;

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>Adds or replaces. Only for building; callers must not write while others read.</summary>
    public void Set(ulong key, int value)
    {
        if (key == 0)
        {
            key = 1;
        }
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            ulong existing = _slots[slot * 2];
            if (existing == 0)
            {
                _slots[slot * 2] = key;
                _slots[slot * 2 + 1] = (uint)value;
                Count++;
                if (Count * 10 > (_mask + 1) * 7)
                {
                    throw new InvalidOperationException("HashIndex is over-full; size it for its entries.");
                }
                return;
            }
            if (existing == key)
            {
                _slots[slot * 2 + 1] = (uint)value;
                return;
            }
            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong key, out int value)
    {
        if (key == 0)
        {
            key = 1;
        }
        var slots = _slots;
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            ulong existing = slots[slot * 2];
            if (existing == key)
            {
                value = (int)(uint)slots[slot * 2 + 1];
                return true;
            }
            if (existing == 0)
            {
                value = 0;
                return false;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The value of <paramref name="key"/>, or <paramref name="missing"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(ulong key, int missing) => TryGet(key, out int value) ? value : missing;

    /// <summary>All entries, in slot order (for serialization).</summary>
    public void CopyTo(List<KeyValuePair<ulong, int>> output)
    {
        for (int slot = 0; slot <= _mask; slot++)
        {
            if (_slots[slot * 2] != 0)
            {
                output.Add(new(_slots[slot * 2], (int)(uint)_slots[slot * 2 + 1]));
            }
        }
    }
}
