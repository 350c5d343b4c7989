using System.Runtime.CompilerServices;
using Pipeline.Entities.Tagging;

namespace Pipeline.Quotes;

/// <summary>
/// The hashed feature keys of one decision (a token's label, a candidate's score), written by the feature classes and
/// read by the model at run time or by the trainer. One instance per thread; reused for every decision.
/// </summary>
internal sealed class FeatureKeys
{
    private ulong[] _keys = new ulong[64];

    public int Count { get; private set; }

    public ReadOnlySpan<ulong> Keys => _keys.AsSpan(0, Count);

    public void Clear() => Count = 0;

    /// <summary>
    /// When set, the keys of its templates are not added but their weights summed into <see cref="DenseScores"/>
    /// (run time only: training needs every key).
    /// </summary>
    public DenseRows? Dense { get; set; }

    /// <summary>The summed weights of the keys <see cref="Dense"/> took since the last <see cref="ClearDense"/>.</summary>
    public readonly int[] DenseScores = new int[DenseRows.Width];

    public void ClearDense() => Array.Clear(DenseScores);

    /// <summary>Keys <c>[start, end)</c>, for a buffer that holds the keys of many decisions one after another.</summary>
    public ReadOnlySpan<ulong> Range(int start, int end) => _keys.AsSpan(start, end - start);

    /// <summary>Adds a key already hashed (<see cref="FeatureHash.Key(int, ulong, ulong)"/>), never summed densely.</summary>
    public void AddKey(ulong key)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }
        _keys[Count++] = key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int template, ulong value)
    {
        if (Dense is { } dense && dense.TryAdd(template, value, DenseScores))
        {
            return;
        }
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }
        _keys[Count++] = FeatureHash.Key(template, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int template, ulong a, ulong b)
    {
        if (Dense is { } dense && dense.TryAdd(template, a, b, DenseScores))
        {
            return;
        }
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }
        _keys[Count++] = FeatureHash.Key(template, a, b);
    }

    /// <summary>Buckets of a token distance: exact up to 3, then widening (4–5, 6–8, 9–12, 13–20, 21–30, more).</summary>
    public static ulong Distance(int d) => d switch
    {
        <= 3 => (ulong)Math.Max(d, 0),
        <= 5 => 4,
        <= 8 => 5,
        <= 12 => 6,
        <= 20 => 7,
        <= 30 => 8,
        _ => 9,
    };

    /// <summary>0, 1 or 2-or-more.</summary>
    public static ulong Few(int count) => (ulong)Math.Clamp(count, 0, 2);
}
