using Pipeline.Entities.Tagging;

namespace Pipeline.Quotes;

/// <summary>
/// Content as sequence labelling over a paragraph (<see cref="ContentLabels"/>): each token's features say where the
/// nearest cue on either side is (distance, same sentence or not, the commas between, the word after or before the
/// cue), the token's own word, class and quotation-mark state, and its sentence's person and position. The labels
/// tell verbatim content (quoted words, with or without their marks) from reported content.
/// </summary>
internal static class ContentFeatures
{
    private const int Bias = 1, Word = 2, Class = 3, ShapeEntity = 4, PreviousWord = 5, NextWord = 6, Marks = 7, InCue = 8,
        Left = 9, LeftAfter = 10, LeftCommas = 11, LeftCue = 12, Right = 13, RightBefore = 14, RightCommas = 15, RightCue = 16,
        ClassNearCues = 17, Position = 18, Sentence = 19, PreviousSentence = 20, BothSides = 21, MarkCues = 22, WordLeft = 23,
        LeftQuoted = 24, RightQuoted = 25, MarksAround = 26, Bigram = 27, LeftSentence = 28, RightSentence = 29;

    /// <summary>The templates whose values are few, for <see cref="DenseRows"/> (a value outside the bounds is hashed as usual).</summary>
    public static DenseTemplate[] DenseTemplates =>
    [
        new(Bias, 1), new(Class, 1), new(ClassNearCues, 1, 37), new(ShapeEntity, 6, 8), new(Marks, 4, 3), new(InCue, 3),
        new(Left, 11, 2), new(LeftCommas, 8, 3), new(LeftQuoted, 8, 2), new(LeftSentence, 12, 2),
        new(Right, 11, 2), new(RightCommas, 8, 3), new(RightQuoted, 8, 2), new(RightSentence, 12, 32),
        new(BothSides, 8, 8), new(MarkCues, 4, 32), new(MarksAround, 4, 4), new(Position, 12), new(Sentence, 32, 3), new(PreviousSentence, 8, 32),
    ];

    public static void Emit(AttributionText x, CueContext cues, int t, FeatureKeys keys)
    {
        keys.Clear();
        Append(x, cues, t, keys);
    }

    /// <summary>Appends token <paramref name="t"/>'s keys to <paramref name="keys"/> (a buffer of many tokens' keys).</summary>
    /// <param name="cueRows">At run time: the keys that read only the nearest cues and how far they are are not added, but
    /// their weights, looked up once per cue, summed into <see cref="FeatureKeys.DenseScores"/>.</param>
    public static void Append(AttributionText x, CueContext cues, int t, FeatureKeys keys, ContentCueRows? cueRows = null)
    {
        int n = x.Count;
        var document = x.Document;
        int s = x.SentenceOf[t];
        var sentence = document.Sentences[s];
        int paragraph = sentence.Paragraph;
        int paragraphStart = document.ParagraphTokenStarts[paragraph];
        bool hasPrevious = t > paragraphStart;
        bool hasNext = t + 1 < n && x.ParagraphOf(t + 1) == paragraph;
        ulong wordClass = (ulong)x.Class[t];
        keys.Add(Bias, 0);
        keys.Add(Word, x.Lower[t]);
        keys.Add(Class, wordClass);
        keys.Add(ShapeEntity, x.Shape[t], (ulong)(x.Entity[t] & 7));
        keys.Add(PreviousWord, hasPrevious ? x.Lower[t - 1] : AttributionText.Edge);
        keys.Add(NextWord, hasNext ? x.Lower[t + 1] : AttributionText.Edge);
        keys.Add(Marks, (ulong)x.Mark[t], (ulong)(x.SentenceFlags[s] & AttributionText.MarksFlag));
        keys.Add(InCue, cues.InCue[t]);

        int leftIndex = cues.Left[t], rightIndex = cues.Right[t];
        ulong left = 0, leftCoarse = 0, leftSame = 0;
        if (leftIndex >= 0)
        {
            int end = cues.Spans[leftIndex].End;
            ref readonly var around = ref cues.Around[leftIndex];
            int cueSentence = x.SentenceOf[end - 1];
            left = 1 + FeatureKeys.Distance(t - end + 1);
            leftCoarse = Coarse(t - end + 1);
            leftSame = cueSentence == s ? 1UL : 0;
            AddCueRow(cues, leftIndex, (int)(leftCoarse * 2 + leftSame) - 2, keys, cueRows);
            AddCueRow(cues, leftIndex, ContentCueRows.LeftCueRow + (int)leftSame, keys, cueRows);
            keys.Add(LeftCommas, leftCoarse * 2 + leftSame, FeatureKeys.Few(x.CommasBefore[t] - x.CommasBefore[end]));
            // ," she said, … : a cue right after a quotation has had its content.
            keys.Add(LeftQuoted, leftCoarse * 2 + leftSame, around.ClosedBefore ? 1UL : 0);
            // X said: … / X said, … : the words after a cue that opens onto them, however many sentences on.
            keys.Add(LeftSentence, FeatureKeys.Few(s - cueSentence) * 4 + around.OpensOnto, (ulong)(x.SentenceFlags[s] & AttributionText.FirstPersonFlag));
        }
        keys.Add(Left, left, leftSame);
        ulong right = 0, rightCoarse = 0, rightSame = 0;
        if (rightIndex >= 0)
        {
            int start = cues.Spans[rightIndex].Start;
            ref readonly var around = ref cues.Around[rightIndex];
            int cueSentence = x.SentenceOf[start];
            right = 1 + FeatureKeys.Distance(start - t);
            rightCoarse = Coarse(start - t);
            rightSame = cueSentence == s ? 1UL : 0;
            AddCueRow(cues, rightIndex, ContentCueRows.RightBeforeRow + (int)(rightCoarse * 2 + rightSame) - 2, keys, cueRows);
            AddCueRow(cues, rightIndex, ContentCueRows.RightCueRow + (int)rightSame, keys, cueRows);
            keys.Add(RightCommas, rightCoarse * 2 + rightSame, FeatureKeys.Few(x.CommasBefore[start] - x.CommasBefore[t + 1]));
            // … he said: "… : a cue right before a quotation takes its content there.
            keys.Add(RightQuoted, rightCoarse * 2 + rightSame, around.OpensAfter ? 1UL : 0);
            // A. B, X said. : sentences before a trailing attribution are its content too.
            keys.Add(RightSentence, FeatureKeys.Few(cueSentence - s) * 4 + (around.Trails ? 1UL : 0),
                (ulong)(x.SentenceFlags[s] & AttributionText.VoiceFlags));
        }
        keys.Add(Right, right, rightSame);
        keys.Add(BothSides, leftCoarse * 2 + leftSame, rightCoarse * 2 + rightSame);
        keys.Add(ClassNearCues, wordClass, Math.Min(left, 4) * 8 + Math.Min(right, 4));
        keys.Add(MarkCues, (ulong)x.Mark[t], leftCoarse * 8 + rightCoarse);
        keys.Add(WordLeft, x.Lower[t], leftSame * 2 + rightSame);
        keys.Add(Bigram, hasPrevious ? x.Lower[t - 1] : AttributionText.Edge, x.Lower[t]);
        keys.Add(MarksAround, (ulong)x.Mark[t], (x.ClosesIn(sentence.FirstToken, t) ? 1UL : 0) + (x.OpensIn(t + 1, sentence.EndToken) ? 2UL : 0));

        keys.Add(Position, (ulong)((t == sentence.FirstToken ? 1 : 0) + (t == sentence.EndToken - 1 ? 2 : 0) + 4 * cues.SentenceInParagraph[s]));
        keys.Add(Sentence, x.SentenceFlags[s], FeatureKeys.Few(cues.SentenceCues[s]));
        keys.Add(PreviousSentence, cues.PreviousSentence[s], x.SentenceFlags[s]);
    }

    /// <summary>1–3, 4–12, 13 or more (0 stands for no cue).</summary>
    private static ulong Coarse(int distance) => distance <= 3 ? 1UL : distance <= 12 ? 2UL : 3UL;

    /// <summary>Row <paramref name="row"/> of cue <paramref name="cue"/>: its weights from <paramref name="cueRows"/> at run time, else its key.</summary>
    private static void AddCueRow(CueContext cues, int cue, int row, FeatureKeys keys, ContentCueRows? cueRows)
    {
        if (cueRows is null)
        {
            keys.AddKey(CueRowKey(row, cues.Around[cue]));
        }
        else
        {
            cueRows.Add(cue, row, keys.DenseScores);
        }
    }

    /// <summary>The key of row <paramref name="row"/> of <see cref="ContentCueRows"/> for a cue with these surroundings.</summary>
    internal static ulong CueRowKey(int row, in CueSurroundings around) => row switch
    {
        < ContentCueRows.LeftCueRow => FeatureHash.Key(LeftAfter, (ulong)row + 2, around.After),
        < ContentCueRows.RightBeforeRow => FeatureHash.Key(LeftCue, (ulong)(row - ContentCueRows.LeftCueRow), around.First),
        < ContentCueRows.RightCueRow => FeatureHash.Key(RightBefore, (ulong)(row - ContentCueRows.RightBeforeRow) + 2, around.Before),
        _ => FeatureHash.Key(RightCue, (ulong)(row - ContentCueRows.RightCueRow), around.First),
    };
}

/// <summary>
/// Per cue of a document, the content stage's weights of the keys <see cref="ContentFeatures.Append"/> makes of the
/// nearest cue (the word after or before it and its first word, by how far the token is and whether it shares the
/// sentence), each looked up the first time a token needs it: a cue has far fewer such keys than tokens around it.
/// One per thread, reset per tagging.
/// </summary>
internal sealed class ContentCueRows
{
    /// <summary>Rows 0–5: the word after the cue, by distance and sentence; then the cue's first word; then the same before.</summary>
    public const int LeftCueRow = 6, RightBeforeRow = 8, RightCueRow = 14, Count = 16;

    private const int L = ContentLabels.Count;
    private const int Unknown = int.MinValue;

    private int[] _rows = [];
    private LinearModel? _content;
    private CueContext? _cues;

    public void Reset(LinearModel content, CueContext cues)
    {
        _content = content;
        _cues = cues;
        int size = cues.Spans.Count * Count * L;
        if (_rows.Length < size)
        {
            _rows = new int[Math.Max(size, _rows.Length * 2)];
        }
        for (int i = 0; i < size; i += L)
        {
            _rows[i] = Unknown;
        }
    }

    /// <summary>Adds row <paramref name="row"/> of cue <paramref name="cue"/> to <paramref name="scores"/>.</summary>
    public void Add(int cue, int row, int[] scores)
    {
        var weights = _rows.AsSpan((cue * Count + row) * L, L);
        if (weights[0] == Unknown)
        {
            weights.Clear();
            Span<ulong> key = [ContentFeatures.CueRowKey(row, _cues!.Around[cue])];
            _content!.Add(key, weights);
        }
        for (int l = 0; l < L; l++)
        {
            scores[l] += weights[l];
        }
    }
}

/// <summary>
/// The content labels: outside, and begin, inside or last of verbatim or reported content. The model for text with
/// marks ends a content of more than one token on its last label (so the decoder reads where a content ends from the
/// last word's own features too: cross-validation a little higher on every row); the model for text without marks
/// ends it on its inside label (begin, inside, outside), as before: with last labels the seed's unmarked passages began
/// a word early.
/// </summary>
internal static class ContentLabels
{
    public const int Outside = 0;
    public const int BeginVerbatim = 1;
    public const int InsideVerbatim = 2;
    public const int BeginReported = 3;
    public const int InsideReported = 4;
    public const int LastVerbatim = 5;
    public const int LastReported = 6;
    public const int Count = 7;

    /// <summary>The labels a model uses: all with last labels, else the first five (outside, begin and inside).</summary>
    public static int CountFor(bool lastLabels) => lastLabels ? Count : InsideReported + 1;

    /// <summary>The "previous label" of a paragraph's first token: the row of <see cref="AttributionModel.Transitions"/> after the labels'.</summary>
    public const int Start = Count;

    public static bool IsVerbatim(int label) => label is BeginVerbatim or InsideVerbatim or LastVerbatim;

    /// <summary>After a begin or inside label, more of the same content: inside or last.</summary>
    public static bool Continues(int label) => label is InsideVerbatim or InsideReported or LastVerbatim or LastReported;

    /// <summary>
    /// Inside and last labels only after the begin or inside label of their own kind; with <paramref name="lastLabels"/>,
    /// an inside label only before an inside or last label of its kind.
    /// </summary>
    public static bool Allowed(int previous, int label, bool lastLabels) => label switch
    {
        InsideVerbatim or LastVerbatim => previous is BeginVerbatim or InsideVerbatim,
        InsideReported or LastReported => previous is BeginReported or InsideReported,
        _ => !lastLabels || previous is not (InsideVerbatim or InsideReported),
    };

    /// <summary>Whether a paragraph may end on <paramref name="label"/>: with <paramref name="lastLabels"/>, not inside a content.</summary>
    public static bool MayEnd(int label, bool lastLabels) => !lastLabels || label is not (InsideVerbatim or InsideReported);
}
