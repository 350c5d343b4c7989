using System.Runtime.CompilerServices;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Known entity phrases (lower-cased token sequences) and the types they were seen with. Matching marks, per
/// entity type, the BILOU position of each token inside the longest phrase found, which becomes a feature.
/// Lower-cased so that ALL-CAPS headlines and sentence-case prose hit the same entries.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>Longest phrase kept; longer names are rare and mostly unique.</summary>
    public const int MaxTokens = 8;

    /// <summary>Set on a phrase that is also the start of a longer phrase, so matching knows to go on.</summary>
    private const int PrefixBit = 1 << BilouLabels.TypeCount;
    private const int TypeMask = (1 << BilouLabels.TypeCount) - 1;

    public Gazetteer(HashIndex entries)
    {
        Entries = entries;
    }

    public static Gazetteer Empty { get; } = new(new HashIndex(0));

    /// <summary>Phrase hash → type bits (bit t for <see cref="EntityType"/> t) and the prefix bit.</summary>
    public HashIndex Entries { get; }

    /// <summary>Hash of a phrase given its tokens' lower-case hashes.</summary>
    public static ulong PhraseHash(ReadOnlySpan<ulong> lowerTokens)
    {
        ulong h = FeatureHash.SequenceSeed;
        foreach (var token in lowerTokens)
        {
            h = FeatureHash.Extend(h, token);
        }
        return h;
    }

    /// <summary>
    /// For each token writes 4 bits per type: 0 when no phrase of that type covers it, else 1 + its
    /// <see cref="BilouPosition"/> in the longest phrase of that type (leftmost first, no overlaps within a type).
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowerTokens, Span<ushort> positions) => Match(lowerTokens, default, positions);

    /// <summary>
    /// As <see cref="Match(ReadOnlySpan{ulong}, Span{ushort})"/>, with each token's one-token lookup done beforehand:
    /// <paramref name="starts"/> holds the entry of the phrase made of that token alone, or -1 (empty: look it up).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(ReadOnlySpan<ulong> lowerTokens, ReadOnlySpan<int> starts, Span<ushort> positions)
    {
        positions.Clear();
        if (Entries.Count == 0)
        {
            return;
        }
        Span<int> coveredUntil = stackalloc int[BilouLabels.TypeCount];
        Span<int> bestEnd = stackalloc int[BilouLabels.TypeCount];
        for (int i = 0; i < lowerTokens.Length; i++)
        {
            if (!starts.IsEmpty && starts[i] < 0)
            {
                continue; // no phrase begins with this token: nothing to mark from here
            }
            bestEnd.Fill(-1);
            ulong h = FeatureHash.SequenceSeed;
            int limit = Math.Min(lowerTokens.Length, i + MaxTokens);
            for (int j = i; j < limit; j++)
            {
                h = FeatureHash.Extend(h, lowerTokens[j]);
                int value;
                if (j == i && !starts.IsEmpty)
                {
                    value = starts[i];
                    if (value < 0)
                    {
                        break;
                    }
                }
                else if (!Entries.TryGet(h, out value))
                {
                    break;
                }
                for (int t = 0; t < BilouLabels.TypeCount; t++)
                {
                    if ((value & (1 << t)) != 0)
                    {
                        bestEnd[t] = j;
                    }
                }
                if ((value & PrefixBit) == 0)
                {
                    break;
                }
            }
            for (int t = 0; t < BilouLabels.TypeCount; t++)
            {
                if (bestEnd[t] < 0 || i < coveredUntil[t])
                {
                    continue;
                }
                Mark(positions, i, bestEnd[t], t);
                coveredUntil[t] = bestEnd[t] + 1;
            }
        }
    }

    /// <summary>The BILOU position (plus one) of a token for <paramref name="type"/>, from a <see cref="Match(ReadOnlySpan{ulong}, Span{ushort})"/> result.</summary>
    public static int PositionOf(ushort positions, int type) => (positions >> (type * 4)) & 0xF;

    private static void Mark(Span<ushort> positions, int first, int last, int type)
    {
        for (int k = first; k <= last; k++)
        {
            var position = first == last ? BilouPosition.Unit
                : k == first ? BilouPosition.Begin
                : k == last ? BilouPosition.Last
                : BilouPosition.Inside;
            positions[k] = (ushort)(positions[k] | ((1 + (int)position) << (type * 4)));
        }
    }

    /// <summary>Collects phrases; entries of several types keep every type.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, int> _entries = new();

        public void Add(ReadOnlySpan<ulong> lowerTokens, EntityType type) => Add(lowerTokens, (int)type);

        /// <summary>Adds a phrase under one of the <see cref="BilouLabels.TypeCount"/> categories (an entity type, or a name list).</summary>
        public void Add(ReadOnlySpan<ulong> lowerTokens, int category)
        {
            if (lowerTokens.Length == 0 || lowerTokens.Length > MaxTokens || (uint)category >= BilouLabels.TypeCount)
            {
                return;
            }
            ulong h = FeatureHash.SequenceSeed;
            for (int i = 0; i < lowerTokens.Length; i++)
            {
                h = FeatureHash.Extend(h, lowerTokens[i]);
                int bits = i == lowerTokens.Length - 1 ? 1 << category : PrefixBit;
                _entries[h] = _entries.GetValueOrDefault(h) | bits;
            }
        }

        public Gazetteer Build()
        {
            var index = new HashIndex(_entries.Count);
            foreach (var (key, value) in _entries)
            {
                index.Set(key, value);
            }
            return new Gazetteer(index);
        }
    }

    /// <summary>Helper for the builders: types as a bit mask without allocation.</summary>
    public static int TypeBits(int value) => value & TypeMask;
}
