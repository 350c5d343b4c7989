namespace Pipeline.Quotes;

/// <summary>
/// The cues found in a document and, for every token, the nearest cue on each side within its paragraph: what the
/// content and source features measure distances and directions to. Arrays are reused between documents of one thread.
/// </summary>
internal sealed class CueContext
{
    /// <summary>Cue token ranges <c>[Start, End)</c> in text order.</summary>
    public readonly List<(int Start, int End)> Spans = [];

    /// <summary>Index in <see cref="Spans"/> of the nearest cue ending at or before the token (same paragraph), or -1.</summary>
    public int[] Left = [];

    /// <summary>Index in <see cref="Spans"/> of the nearest cue starting after the token (same paragraph), or -1.</summary>
    public int[] Right = [];

    /// <summary>0 outside a cue, 1 on a cue's first token, 2 on its others.</summary>
    public byte[] InCue = [];

    /// <summary>Cues per sentence.</summary>
    public int[] SentenceCues = [];

    /// <summary>Per paragraph: true when it holds a cue or a token in quotation marks, so its content is tagged.</summary>
    public bool[] Tagged = [];

    /// <summary>
    /// Per cue, what the content features read of its surroundings, computed once instead of per token: the words
    /// before, at and after it, the marks beside it, the punctuation it opens onto, and whether it trails.
    /// </summary>
    public CueSurroundings[] Around = [];

    /// <summary>Per sentence, how many sentences of its paragraph precede it (0, 1, or 2 for more).</summary>
    public byte[] SentenceInParagraph = [];

    /// <summary>
    /// Per sentence, what precedes it in its paragraph: 7 when nothing; else the previous sentence's cues (0, 1, 2 or
    /// more), plus 3 when it ends in a colon.
    /// </summary>
    public byte[] PreviousSentence = [];

    /// <summary>Reads the cues off token labels (<see cref="CueFeatures"/>'s Outside/Begin/Inside).</summary>
    public void Load(AttributionText x, ReadOnlySpan<byte> labels)
    {
        Spans.Clear();
        int n = x.Count;
        for (int t = 0; t < n; t++)
        {
            if (labels[t] == CueFeatures.Outside)
            {
                continue;
            }
            int end = t + 1;
            while (end < n && labels[end] == CueFeatures.Inside)
            {
                end++;
            }
            Spans.Add((t, end));
            t = end - 1;
        }
        Build(x);
    }

    /// <summary>Uses the given cue spans (training: the gold ones) instead of predicted labels.</summary>
    public void Load(AttributionText x, IEnumerable<(int Start, int End)> spans)
    {
        Spans.Clear();
        Spans.AddRange(spans);
        Spans.Sort();
        Build(x);
    }

    private void Build(AttributionText x)
    {
        int n = x.Count;
        var document = x.Document;
        if (Left.Length < n)
        {
            int size = Math.Max(n, Left.Length * 2);
            Left = new int[size];
            Right = new int[size];
            InCue = new byte[size];
        }
        if (SentenceCues.Length < document.Sentences.Length)
        {
            SentenceCues = new int[Math.Max(document.Sentences.Length, SentenceCues.Length * 2)];
        }
        if (Tagged.Length < document.Paragraphs.Length)
        {
            Tagged = new bool[Math.Max(document.Paragraphs.Length, Tagged.Length * 2)];
        }
        if (SentenceInParagraph.Length < document.Sentences.Length)
        {
            SentenceInParagraph = new byte[Math.Max(document.Sentences.Length, SentenceInParagraph.Length * 2)];
            PreviousSentence = new byte[SentenceInParagraph.Length];
        }
        if (Around.Length < Spans.Count)
        {
            Around = new CueSurroundings[Math.Max(Spans.Count, Around.Length * 2)];
        }
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            SentenceInParagraph[s] = (byte)(s == 0 || sentences[s - 1].Paragraph != sentences[s].Paragraph ? 0
                : Math.Min(SentenceInParagraph[s - 1] + 1, 2));
        }
        for (int c = 0; c < Spans.Count; c++)
        {
            Around[c] = CueSurroundings.Of(x, Spans[c].Start, Spans[c].End);
        }
        InCue.AsSpan(0, n).Clear();
        SentenceCues.AsSpan(0, document.Sentences.Length).Clear();
        Tagged.AsSpan(0, document.Paragraphs.Length).Clear();
        for (int c = 0; c < Spans.Count; c++)
        {
            var (start, end) = Spans[c];
            InCue[start] = 1;
            InCue.AsSpan(start + 1, end - start - 1).Fill(2);
            SentenceCues[x.SentenceOf[start]]++;
            Tagged[x.ParagraphOf(start)] = true;
        }
        for (int s = 0; s < sentences.Length; s++)
        {
            PreviousSentence[s] = s == 0 || sentences[s - 1].Paragraph != sentences[s].Paragraph ? (byte)7
                : (byte)(FeatureKeys.Few(SentenceCues[s - 1]) + (x.Word(sentences[s - 1].EndToken - 1) is ":" ? 3UL : 0));
        }
        for (int t = 0; t < n; t++)
        {
            if (x.Mark[t] == MarkState.Inside)
            {
                Tagged[x.ParagraphOf(t)] = true;
            }
        }
        int next = 0, paragraph = -1, left = -1;
        for (int t = 0; t < n; t++)
        {
            int p = x.ParagraphOf(t);
            if (p != paragraph)
            {
                paragraph = p;
                left = -1;
            }
            while (next < Spans.Count && Spans[next].End <= t)
            {
                left = x.ParagraphOf(Spans[next].Start) == p ? next : left;
                next++;
            }
            Left[t] = left;
        }
        int right = -1;
        int previous = Spans.Count - 1;
        paragraph = -1;
        for (int t = n - 1; t >= 0; t--)
        {
            int p = x.ParagraphOf(t);
            if (p != paragraph)
            {
                paragraph = p;
                right = -1;
            }
            while (previous >= 0 && Spans[previous].Start > t)
            {
                right = x.ParagraphOf(Spans[previous].Start) == p ? previous : right;
                previous--;
            }
            Right[t] = right;
        }
    }

    /// <summary>The index of the first cue starting at or after token <paramref name="token"/> (<see cref="Spans"/>'s count when none).</summary>
    public int FirstStartingFrom(int token)
    {
        int low = 0, high = Spans.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Spans[middle].Start < token)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}

/// <summary>What the content features read around one cue <c>[start, end)</c> (<see cref="CueContext.Around"/>).</summary>
internal readonly record struct CueSurroundings(ulong Before, ulong First, ulong After, bool ClosedBefore, bool OpensAfter, byte OpensOnto, bool Trails)
{
    public static CueSurroundings Of(AttributionText x, int start, int end)
    {
        int n = x.Count;
        byte opensOnto = end < n && x.Word(end) is ":" ? (byte)1 : end < n && x.Word(end) is "," ? (byte)2 : (byte)0;
        return new CueSurroundings(
            start > 0 ? x.Lower[start - 1] : AttributionText.Edge,
            x.Lower[start],
            end < n ? x.Lower[end] : AttributionText.Edge,
            x.ClosesIn(start - 3, start),
            x.OpensIn(end, end + 3),
            opensOnto,
            TrailsAt(x, start));
    }

    /// <summary>A cue after a comma or a closing mark within the three tokens before it (<c>…, Sullivan said</c>).</summary>
    private static bool TrailsAt(AttributionText x, int cueStart)
    {
        int first = x.Document.Sentences[x.SentenceOf[cueStart]].FirstToken;
        for (int t = cueStart - 1; t >= Math.Max(first, cueStart - 3); t--)
        {
            if (x.Word(t) is "," || x.Mark[t] == MarkState.Closing)
            {
                return true;
            }
        }
        return false;
    }
}
