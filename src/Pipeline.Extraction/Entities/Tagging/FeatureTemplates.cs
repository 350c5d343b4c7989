namespace Pipeline.Entities.Tagging;

/// <summary>
/// Ids of the feature templates. A feature key is the hash of its template id and values, so changing any id or
/// what a template hashes invalidates trained models: bump <see cref="PerceptronTaggerModel.FormatVersion"/> then.
/// </summary>
internal static class FeatureTemplates
{
    public const int Bias = 1;
    public const int Word = 2;
    public const int LowerAt = 3; // + offset (-2..+2) in the first value
    public const int BigramLeft = 4;
    public const int BigramRight = 5;
    public const int ShapeAt = 6; // offset -1..+1
    public const int ShortShape = 7;
    public const int ShapeTrigram = 8;
    public const int Prefix = 9; // length in first value
    public const int Suffix = 10;
    public const int CapContext = 11;
    public const int CapTrigram = 12;
    public const int CaseProfile = 13;
    public const int DocumentCase = 14;
    public const int ClusterAt = 15; // offset and prefix length
    public const int GazetteerAt = 16; // offset, type and position
    public const int GazetteerCap = 17;
    public const int PreviousWordCap = 18;
    public const int CapNextWord = 19;
    public const int SentenceStartWord = 20;
    public const int LongWord = 21;
    public const int NameListAt = 22; // offset, list and position (external name lists, see NameListReader)
    public const int NameListCap = 23;

    // Label-transition templates (both passes, separate weights per pass).
    public const int Previous1 = 40;
    public const int PreviousCap = 43;

    // Second-pass (document) templates.
    public const int FirstPassAt = 60;
    public const int DocumentLower = 62;
    public const int DocumentStem = 63;
    public const int DocumentLowerMajority = 64;
    public const int DocumentStemMajority = 65;
    public const int DocumentUnitStem = 70;
    public const int DocumentUnitStemMajority = 71;
    public const int DocumentConsistency = 72;
    public const int ContextLeft = 73; // a neighbour of another occurrence of the word (ContextAggregation)
    public const int ContextRight = 74;
}
