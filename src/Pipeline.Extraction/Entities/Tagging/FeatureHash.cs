using System.Runtime.CompilerServices;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Stable 64-bit hashes for feature keys and lexicon entries. Stable across processes and platforms (unlike
/// <see cref="string.GetHashCode()"/>) because the keys are stored in the model file. Never returns 0: 0 marks an
/// empty slot in <see cref="HashIndex"/>.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The hash of a token sequence before any token is added.</summary>
    public const ulong SequenceSeed = 0x5851F42D4C957F2DUL;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Chars(ReadOnlySpan<char> text)
    {
        ulong h = FnvOffset;
        foreach (char c in text)
        {
            h = (h ^ c) * FnvPrime;
        }
        return Finish(h);
    }

    /// <summary>Hash of the lower-cased text, computed without allocating the lower-cased string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong LowerChars(ReadOnlySpan<char> text)
    {
        ulong h = FnvOffset;
        foreach (char c in text)
        {
            h = (h ^ Lower(c)) * FnvPrime;
        }
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) => c < 128
        ? (char)(c | ((uint)(c - 'A') < 26u ? 0x20 : 0))
        : char.ToLowerInvariant(c);

    /// <summary>Key of a one-valued feature template.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong value) => Finish(Mix(value ^ ((ulong)template * Golden)));

    /// <summary>Key of a two-valued feature template.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b) => Finish(Mix(Mix(a ^ ((ulong)template * Golden)) + b));

    /// <summary>Key of a three-valued feature template.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b, ulong c) => Finish(Mix(Mix(Mix(a ^ ((ulong)template * Golden)) + b) + c));

    /// <summary>Extends a token-sequence hash (gazetteer phrases) by one token hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong sequence, ulong token) => Finish(Mix(sequence * Golden + token));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        // splitmix64 finalizer: spreads FNV's weak low bits over the whole word.
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h) => h == 0 ? 1 : h;
}
