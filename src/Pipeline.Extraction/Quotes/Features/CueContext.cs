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
