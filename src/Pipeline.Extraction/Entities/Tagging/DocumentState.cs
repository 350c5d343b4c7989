namespace Pipeline.Entities.Tagging;

/// <summary>
/// Per-document working memory of the tagger: token hashes, word entries and capitalization, first-pass labels, both
/// passes' scores and the document count table. Owned by one thread at a time (see
/// <see cref="PerceptronTagger"/>), never shared, so the model itself stays immutable.
/// </summary>
internal sealed class DocumentState
{
    /// <summary>Upper bound for the keys one token can emit (local plus document features).</summary>
    public const int MaxKeys = 128;

    public ulong[] Lower = new ulong[256];
    public ulong[] Stem = new ulong[256];
    public CapState[] Caps = new CapState[256];
    public byte[] FirstPass = new byte[256];
    public byte[] SecondPass = new byte[256];
    public WordEntry[] Entries = new WordEntry[256];

    /// <summary>Per token, <see cref="PerceptronTaggerModel.Stride"/> scores: the first pass's, then the second pass's.</summary>
    public int[] Local = new int[256 * PerceptronTaggerModel.Stride];
    public TokenInfo[] Sentence = new TokenInfo[64];
    public ulong[] SentenceLower = new ulong[64];
    public ushort[] SentenceGazetteer = new ushort[64];
    public ushort[] SentenceNameLists = new ushort[64];
    public int[] SentenceNameListStarts = new int[64];
    public int[] SentenceStarts = new int[64];
    public byte[] SentenceFlags = new byte[64];

    /// <summary>The sentence's word entries with two boundary entries on each side.</summary>
    public WordEntry[] Window = new WordEntry[64 + 4];
    public byte[] BackPointers = new byte[64 * BilouLabels.Count];
    public readonly ulong[] Keys = new ulong[MaxKeys];
    public readonly CountTable Counts = new();

    public readonly ContextAggregation Contexts = new();

    /// <summary>Documents above this many tokens leave no scratch behind on the thread.</summary>
    public const int RetainLimit = 1 << 16;

    public int TokenCapacity => Lower.Length;

    public void EnsureTokens(int count)
    {
        if (Lower.Length >= count)
        {
            return;
        }
        int size = Math.Max(count, Lower.Length * 2);
        Lower = new ulong[size];
        Stem = new ulong[size];
        Caps = new CapState[size];
        FirstPass = new byte[size];
        SecondPass = new byte[size];
        Entries = new WordEntry[size];
        Local = new int[size * PerceptronTaggerModel.Stride];
    }

    public void EnsureSentence(int count)
    {
        if (Sentence.Length >= count)
        {
            return;
        }
        int size = Math.Max(count, Sentence.Length * 2);
        Sentence = new TokenInfo[size];
        SentenceLower = new ulong[size];
        SentenceGazetteer = new ushort[size];
        SentenceNameLists = new ushort[size];
        SentenceNameListStarts = new int[size];
        SentenceStarts = new int[size];
        SentenceFlags = new byte[size];
        Window = new WordEntry[size + 4];
        BackPointers = new byte[size * BilouLabels.Count];
    }
}
