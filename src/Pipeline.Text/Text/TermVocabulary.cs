using System.Collections.Concurrent;

namespace Pipeline.Text;

/// <summary>
/// Process-wide ids for stemmed, lower-cased words, so sentences can be compared as int arrays. Each surface
/// form is stemmed once; thread-safe. Each thread keeps the ids it looked up in a small table keyed by the
/// surface's 64-bit hash (two surfaces sharing one is as unlikely as two feature keys of a model doing so), so a
/// word seen before costs one probe instead of a lookup in the shared dictionary. The table stops growing at <see cref="MaxEntries"/> surface forms (a
/// long-running service sees unbounded vocabulary); after that, unseen words are stemmed on every call and get a
/// hashed id, which can only make two rare words collide.
/// </summary>
internal static class TermVocabulary
{
    public const int MaxEntries = 1 << 20;

    /// <summary>Hashed ids live above this, apart from the table's ids.</summary>
    private const int HashedBase = 1 << 28;

    private const ulong FnvOffset = 14695981039346656037UL, FnvPrime = 1099511628211UL;

    private static readonly ConcurrentDictionary<string, int> Surface = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SurfaceLookup =
        Surface.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly ConcurrentDictionary<string, int> Stems = new(StringComparer.Ordinal);
    private static int next;

    /// <summary>Surfaces this thread looked up, by hash; emptied when full (a few hundred KB).</summary>
    [ThreadStatic]
    private static HashIndex? t_recent;

    private const int RecentEntries = 1 << 15;

    /// <summary>Entries in <see cref="Surface"/>, kept apart: <c>ConcurrentDictionary.Count</c> takes every lock of the table.</summary>
    private static int surfaceCount;

    /// <summary>The longest surface a term id reads: longer tokens (URLs, runs of characters) are cut, since only equality matters.</summary>
    public const int MaxSurfaceLength = 40;

    /// <summary>The id of a word as written (<c>U.S.</c>, <c>Biden</c>): lower-cased, letters and digits only (<see cref="Normalize"/>); -1 if none.</summary>
    public static int IdOfSurface(ReadOnlySpan<char> surface)
    {
        Span<char> buffer = stackalloc char[MaxSurfaceLength];
        int n = Normalize(surface, buffer);
        if (n == 0)
        {
            return -1;
        }
        ulong hash = FnvOffset;
        foreach (char c in buffer[..n])
        {
            hash = (hash ^ c) * FnvPrime;
        }
        var recent = t_recent ??= new HashIndex(RecentEntries);
        if (recent.TryGet(hash, out int id))
        {
            return id;
        }
        id = Id(buffer[..n]);
        if (recent.IsFull)
        {
            recent.Clear();
        }
        recent.Set(hash, id);
        return id;
    }

    /// <summary>
    /// The lower-case letters and digits of a word as written, cut at <paramref name="lower"/>'s length; returns how many.
    /// ASCII (most of news) is read without <c>char.IsLetterOrDigit</c> and <c>ToLowerInvariant</c>, to the same result.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> surface, Span<char> lower)
    {
        int n = 0;
        foreach (char c in surface)
        {
            if (n == lower.Length)
            {
                break;
            }
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    lower[n++] = (char)(c | (char.IsAsciiLetter(c) ? 0x20 : 0));
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                lower[n++] = char.ToLowerInvariant(c);
            }
        }
        return n;
    }

    /// <summary>The id of the stem of <paramref name="lowerWord"/> (lower-case letters and digits).</summary>
    public static int Id(ReadOnlySpan<char> lowerWord)
    {
        if (SurfaceLookup.TryGetValue(lowerWord, out int id))
        {
            return id;
        }
        var surface = lowerWord.ToString();
        var stem = lowerWord.Length > 3 ? PorterStemmer.Default.Stem(surface) : surface;
        if (Volatile.Read(ref surfaceCount) >= MaxEntries)
        {
            return Stems.TryGetValue(stem, out id) ? id : HashedBase + (int)((uint)string.GetHashCode(stem.AsSpan()) % HashedBase);
        }
        id = Stems.GetOrAdd(stem, static _ => Interlocked.Increment(ref next));
        if (Surface.TryAdd(surface, id))
        {
            Interlocked.Increment(ref surfaceCount);
        }
        return id;
    }
}
