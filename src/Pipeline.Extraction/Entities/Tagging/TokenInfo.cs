namespace Pipeline.Entities.Tagging;

/// <summary>What the feature templates need to know about one token, computed once per sentence.</summary>
internal struct TokenInfo
{
    public ulong Word;
    public ulong Lower;
    public ulong Shape;
    public ulong ShortShape;
    public int Start;
    public int Length;
    /// <summary>Packed class ids (see <see cref="WordClusters"/>), -1 for a word without clusters.</summary>
    public int Clusters;
    public CapState Cap;
    public byte CaseBucket;
    public byte DocumentCase;
    public ushort Gazetteer;
    public ushort NameLists;
}
