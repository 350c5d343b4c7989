using System.Runtime.CompilerServices;
using Pipeline.Text;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Context aggregation (Ratinov &amp; Roth 2009), a feature of the document pass: a capitalized word sees the words
/// next to it at every one of its occurrences in the document. "Banespa" once written as "state bank Banespa" is a
/// bank in every sentence that names it, even where its own neighbours say nothing. The label aggregates of
/// <see cref="DocumentFeatures"/> spread what the first pass concluded (right or wrong); these spread the evidence.
/// Every occurrence of a word has the same keys, so the tagger sums their weights once per word (<see cref="Sums"/>).
/// Per-document scratch owned by a <see cref="DocumentState"/>.
/// </summary>
internal sealed class ContextAggregation
{
    /// <summary>Occurrences of a word whose neighbours count; enough to describe a name, bounded for long documents.</summary>
    public const int MaxOccurrences = 12;

    /// <summary>At most this many distinct neighbour keys per word (two per occurrence).</summary>
    public const int MaxKeysPerWord = 2 * MaxOccurrences;

    private const int L = BilouLabels.Count;

    private static readonly ulong BoundaryLeft = FeatureHash.Chars("<S>");
    private static readonly ulong BoundaryRight = FeatureHash.Chars("</S>");

    private ulong[] _slotWords = new ulong[256];
    private int[] _slotGroups = new int[256];
    private int[] _filled = new int[128];
    private int _live;
    private ulong[] _keys = new ulong[64 * MaxKeysPerWord];
    private byte[] _keyCounts = new byte[64];
    private byte[] _occurrences = new byte[64];
    private int[] _sums = new int[64 * L];
    private int[] _tokenGroups = new int[256];

    /// <summary>Distinct capitalized words of the document, each a group of keys.</summary>
    public int Groups { get; private set; }

    /// <summary>
    /// Collects, for every capitalized word of the document, the keys of its neighbours (left and right, within the
    /// sentence) at its first <see cref="MaxOccurrences"/> occurrences, without repeats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(TextDocument document, DocumentState state)
    {
        int n = document.Tokens.Length;
        Reset(n);
        foreach (var sentence in document.Sentences)
        {
            if (!FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                continue;
            }
            for (int t = first; t < end; t++)
            {
                if (!WordShape.IsCapitalized(state.Caps[t]))
                {
                    _tokenGroups[t] = -1;
                    continue;
                }
                int group = GroupOf(state.Lower[t]);
                _tokenGroups[t] = group;
                if (_occurrences[group] >= MaxOccurrences)
                {
                    continue;
                }
                _occurrences[group]++;
                AddKey(group, FeatureHash.Key(ContextLeft, t > first ? state.Lower[t - 1] : BoundaryLeft));
                AddKey(group, FeatureHash.Key(ContextRight, t + 1 < end ? state.Lower[t + 1] : BoundaryRight));
            }
        }
    }

    /// <summary>The group of token <paramref name="t"/>'s word, -1 when the token is not capitalized.</summary>
    public int GroupOfToken(int t) => _tokenGroups[t];

    /// <summary>The aggregated context keys of a group.</summary>
    public ReadOnlySpan<ulong> Keys(int group) => _keys.AsSpan(group * MaxKeysPerWord, _keyCounts[group]);

    /// <summary>Sums each group's second-pass weights once; <see cref="Sums"/> then serves every occurrence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SumWeights(FeatureRows rows)
    {
        var sums = _sums.AsSpan(0, Groups * L);
        sums.Clear();
        for (int g = 0; g < Groups; g++)
        {
            var sum = sums.Slice(g * L, L);
            foreach (ulong key in Keys(g))
            {
                rows.AddSecond(rows.Row(key), sum);
            }
        }
    }

    /// <summary>A group's summed second-pass weights (after <see cref="SumWeights"/>).</summary>
    public ReadOnlySpan<int> Sums(int group) => _sums.AsSpan(group * L, L);

    private void AddKey(int group, ulong key)
    {
        var keys = _keys.AsSpan(group * MaxKeysPerWord, _keyCounts[group]);
        if (keys.Contains(key))
        {
            return;
        }
        _keys[group * MaxKeysPerWord + keys.Length] = key;
        _keyCounts[group]++;
    }

    private void Reset(int tokens)
    {
        for (int i = 0; i < _live; i++)
        {
            _slotWords[_filled[i]] = 0;
        }
        _live = 0;
        Groups = 0;
        if (_tokenGroups.Length < tokens)
        {
            _tokenGroups = new int[Math.Max(tokens, _tokenGroups.Length * 2)];
        }
    }

    /// <summary>The group of a word, added when new (open addressing on the word hash; word 0 is stored as 1).</summary>
    private int GroupOf(ulong word)
    {
        word = word == 0 ? 1 : word;
        if ((_live + 1) * 2 > _slotWords.Length)
        {
            Grow();
        }
        int mask = _slotWords.Length - 1;
        int slot = (int)(word & (uint)mask);
        while (_slotWords[slot] != 0)
        {
            if (_slotWords[slot] == word)
            {
                return _slotGroups[slot];
            }
            slot = (slot + 1) & mask;
        }
        int group = Groups++;
        if (group == _keyCounts.Length)
        {
            Array.Resize(ref _keyCounts, group * 2);
            Array.Resize(ref _occurrences, group * 2);
            Array.Resize(ref _keys, group * 2 * MaxKeysPerWord);
            Array.Resize(ref _sums, group * 2 * L);
        }
        _keyCounts[group] = 0;
        _occurrences[group] = 0;
        _slotWords[slot] = word;
        _slotGroups[slot] = group;
        _filled[_live++] = slot;
        return group;
    }

    private void Grow()
    {
        var words = _slotWords;
        var groups = _slotGroups;
        var filled = _filled;
        int live = _live;
        int capacity = words.Length * 2;
        _slotWords = new ulong[capacity];
        _slotGroups = new int[capacity];
        _filled = new int[capacity / 2];
        int mask = capacity - 1;
        for (int i = 0; i < live; i++)
        {
            ulong word = words[filled[i]];
            int slot = (int)(word & (uint)mask);
            while (_slotWords[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            _slotWords[slot] = word;
            _slotGroups[slot] = groups[filled[i]];
            _filled[i] = slot;
        }
    }
}
