using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The <see cref="PerceptronTaggerModel.Stride"/> (34) label scores of one token, both passes side by side, held in
/// vector registers while feature rows are added: 32 lanes in four <see cref="Vector256{T}"/> and two scalars. Integer
/// sums, so the order rows are added in never changes the result.
/// </summary>
internal struct ScoreAccumulator
{
    public const int Width = PerceptronTaggerModel.Stride;

    private Vector256<int> _a;
    private Vector256<int> _b;
    private Vector256<int> _c;
    private Vector256<int> _d;
    private int _e;
    private int _f;

    /// <summary>Adds a row of quantized model weights (<see cref="Width"/> shorts from <paramref name="row"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddWeights(ref short row)
    {
        var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref row));
        var (c, d) = Vector256.Widen(Vector256.LoadUnsafe(ref row, 16));
        _a += a;
        _b += b;
        _c += c;
        _d += d;
        _e += Unsafe.Add(ref row, 32);
        _f += Unsafe.Add(ref row, 33);
    }

    /// <summary>Adds <see cref="Width"/> precomputed scores starting at <paramref name="scores"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddScores(ref int scores)
    {
        _a += Vector256.LoadUnsafe(ref scores);
        _b += Vector256.LoadUnsafe(ref scores, 8);
        _c += Vector256.LoadUnsafe(ref scores, 16);
        _d += Vector256.LoadUnsafe(ref scores, 24);
        _e += Unsafe.Add(ref scores, 32);
        _f += Unsafe.Add(ref scores, 33);
    }

    /// <summary>Writes the sums to <paramref name="destination"/>, which must hold <see cref="Width"/> ints.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store(Span<int> destination)
    {
        if (destination.Length < Width)
        {
            throw new ArgumentException("The destination is too short.", nameof(destination));
        }
        ref int d = ref MemoryMarshal.GetReference(destination);
        _a.StoreUnsafe(ref d);
        _b.StoreUnsafe(ref d, 8);
        _c.StoreUnsafe(ref d, 16);
        _d.StoreUnsafe(ref d, 24);
        Unsafe.Add(ref d, 32) = _e;
        Unsafe.Add(ref d, 33) = _f;
    }

    /// <summary>Adds the second half (the document pass's <see cref="BilouLabels.Count"/> weights) of a row to <paramref name="scores"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddSecondHalf(ref short row, Span<int> scores)
    {
        if (scores.Length < BilouLabels.Count)
        {
            throw new ArgumentException("The scores are too short.", nameof(scores));
        }
        ref int s = ref MemoryMarshal.GetReference(scores);
        ref short w = ref Unsafe.Add(ref row, BilouLabels.Count);
        var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref w));
        (Vector256.LoadUnsafe(ref s) + a).StoreUnsafe(ref s);
        (Vector256.LoadUnsafe(ref s, 8) + b).StoreUnsafe(ref s, 8);
        Unsafe.Add(ref s, 16) += Unsafe.Add(ref w, 16);
    }
}
