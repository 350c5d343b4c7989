namespace Pipeline.Summaries;

/// <summary>
/// The candidate phrases of one document, by <see cref="PhraseKey"/>, in the order first seen. Its
/// <see cref="PhraseStats"/> and tables are kept for the next document on the same thread (see
/// <see cref="Rent"/>), so a document costs no allocation per phrase.
/// </summary>
internal sealed class PhraseTable
{
    [ThreadStatic]
    private static PhraseTable? t_free;

    private readonly Dictionary<PhraseKey, int> _index = new();
    private readonly List<PhraseStats> _phrases = new();

    public int Count { get; private set; }

    public PhraseStats this[int i] => _phrases[i];

    /// <summary>Scratch for <see cref="KeyPhraseExtractor"/>, emptied with the table.</summary>
    public HashSet<int> TitleStems { get; } = new();

    public Dictionary<int, int> LongestCounts { get; } = new();

    public List<PhraseStats> Names { get; } = new();

    public HashSet<int> LowercaseStems { get; } = new();

    public List<(PhraseStats Stats, double Score)> Scored { get; } = new();

    /// <summary>This thread's table if it is free, or a new one; give it back with <see cref="Return"/>.</summary>
    public static PhraseTable Rent()
    {
        var table = t_free ?? new PhraseTable();
        t_free = null;
        return table;
    }

    public static void Return(PhraseTable table)
    {
        table.Clear();
        t_free = table;
    }

    public PhraseStats GetOrAdd(ReadOnlySpan<int> stems, bool proper)
    {
        ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_index, PhraseKey.Of(stems), out bool exists);
        if (exists)
        {
            return _phrases[slot];
        }
        if (Count == _phrases.Count)
        {
            _phrases.Add(new PhraseStats());
        }
        slot = Count++;
        var stats = _phrases[slot];
        stats.Reset(stems, proper);
        return stats;
    }

    private void Clear()
    {
        _index.Clear();
        Count = 0;
        TitleStems.Clear();
        LowercaseStems.Clear();
        LongestCounts.Clear();
        Names.Clear();
        Scored.Clear();
    }
}
