namespace Pipeline.Quotes;

/// <summary>
/// Which cue a content span belongs to, as a ranking over the cues of its paragraph and of the paragraph before (a
/// quote's second paragraph belongs to the cue of its first): direction and distance, sentences and paragraphs
/// between, cues, spans, commas and marks between, the words around the cue, and the span's own shape.
/// </summary>
internal static class LinkFeatures
{
    private const int Bias = 1, Where = 2, Between = 3, CueWord = 4, AfterCue = 5, BeforeCue = 6, SpanShape = 7, Nearest = 8,
        CommasBetween = 9, WhereVerbatim = 10, Rivals = 11, CueAtEnd = 12, Skipped = 13;

    /// <summary>
    /// The candidate cues of <paramref name="span"/>: the nearest cue before it in its paragraph (else the last of the
    /// paragraph before: a quote's second paragraph) and the nearest after it in its paragraph. Attributions do not
    /// interleave, so a cue with another between it and the span is not its cue.
    /// </summary>
    public static void Candidates(AttributionText x, CueContext cues, ContentSpan span, List<int> output)
    {
        output.Clear();
        int paragraph = x.ParagraphOf(span.Start);
        // Cues are disjoint and in text order: the first one from the span's end on, and before it the ones that
        // overlap the span, then the nearest one that ends before it.
        int after = cues.FirstStartingFrom(span.End);
        int before = after - 1;
        while (before >= 0 && cues.Spans[before].End > span.Start)
        {
            before--;
        }
        for (int c = before + 1; c < after; c++)
        {
            output.Add(c);
        }
        if (before >= 0 && x.ParagraphOf(cues.Spans[before].Start) is var p && (p == paragraph || p == paragraph - 1))
        {
            output.Add(before);
            // "A," said X, who wrote about it. "B." : a cue in the clause that follows another cue of its sentence may be
            // the one the span skips, so the cue before it competes too.
            if (span.Verbatim && before > 0 && x.SentenceOf[cues.Spans[before - 1].Start] == x.SentenceOf[cues.Spans[before].Start])
            {
                output.Add(before - 1);
            }
        }
        if (after < cues.Spans.Count && x.ParagraphOf(cues.Spans[after].Start) == paragraph)
        {
            output.Add(after);
        }
    }

    /// <summary>
    /// The cues other than <paramref name="cue"/>, the content spans and the quotation marks wholly inside tokens
    /// <c>[from, to)</c>. Cues and spans are disjoint and in text order: those between start at or after
    /// <paramref name="from"/> and end by <paramref name="to"/>.
    /// </summary>
    public static (int Cues, int Spans, int Marks) CountBetween(AttributionText x, CueContext cues, List<ContentSpan> spans, int from, int to, int cue)
    {
        int otherCues = 0, otherSpans = 0;
        for (int c = cues.FirstStartingFrom(from); c < cues.Spans.Count && cues.Spans[c].End <= to; c++)
        {
            otherCues += c != cue ? 1 : 0;
        }
        for (int i = ContentSpans.FirstEndingAfter(spans, from); i < spans.Count && spans[i].End <= to; i++)
        {
            otherSpans += spans[i].Start >= from ? 1 : 0;
        }
        int end = Math.Max(from, Math.Min(to, x.Count));
        return (otherCues, otherSpans, x.OpeningBefore[end] - x.OpeningBefore[from] + x.ClosingBefore[end] - x.ClosingBefore[from]);
    }

    public static void Emit(AttributionText x, CueContext cues, List<ContentSpan> spans, int spanIndex, int cueIndex, FeatureKeys keys)
    {
        keys.Clear();
        var span = spans[spanIndex];
        var (cueStart, cueEnd) = cues.Spans[cueIndex];
        int n = x.Count;
        // 0: cue before the span, 1: after it, 2: inside it.
        int direction = cueEnd <= span.Start ? 0 : cueStart >= span.End ? 1 : 2;
        int from = direction == 0 ? cueEnd : span.End;
        int to = direction == 0 ? span.Start : cueStart;
        if (direction == 2)
        {
            from = to = cueStart;
        }
        int sentenceGap = Math.Abs(x.SentenceOf[direction == 0 ? cueEnd - 1 : cueStart] - x.SentenceOf[direction == 0 ? span.Start : span.End - 1]);
        int paragraphGap = x.ParagraphOf(span.Start) - x.ParagraphOf(cueStart);
        ulong where = (ulong)(direction * 64 + Math.Min(sentenceGap, 3) * 16 + Math.Min(paragraphGap, 1) * 8) + FeatureKeys.Distance(to - from) / 2;
        keys.Add(Bias, 0);
        keys.Add(Where, where);
        keys.Add(WhereVerbatim, where, span.Verbatim ? 1UL : 0);
        var (otherCues, otherSpans, marks) = CountBetween(x, cues, spans, from, to, cueIndex);
        keys.Add(Between, (ulong)direction * 27 + FeatureKeys.Few(otherCues) * 9 + FeatureKeys.Few(otherSpans) * 3 + FeatureKeys.Few(marks));
        keys.Add(CommasBetween, (ulong)direction, FeatureKeys.Few(x.CommasBefore[to] - x.CommasBefore[from]));
        keys.Add(CueWord, (ulong)direction, x.Lower[cueStart]);
        keys.Add(AfterCue, (ulong)direction, cueEnd < n ? x.Lower[cueEnd] : AttributionText.Edge);
        keys.Add(BeforeCue, (ulong)direction, cueStart > 0 ? x.Lower[cueStart - 1] : AttributionText.Edge);
        var first = x.Document.Sentences[x.SentenceOf[span.Start]];
        var last = x.Document.Sentences[x.SentenceOf[span.End - 1]];
        ulong shape = (ulong)((span.Start <= first.FirstToken + 1 ? 1 : 0) + (span.End >= last.EndToken - 1 ? 2 : 0) + (x.Mark[span.Start] != MarkState.Outside ? 4 : 0));
        keys.Add(SpanShape, (ulong)direction, shape + 8 * (ulong)Math.Min(sentenceGap, 2));
        keys.Add(Nearest, (ulong)direction * 4 + FeatureKeys.Few(otherCues), paragraphGap == 0 ? 1UL : 0);
        // Cues on the span's other side in its sentence compete: A said X, B said. / A said X.
        int rivals = 0;
        var spanSentence = x.Document.Sentences[x.SentenceOf[span.Start]];
        for (int c = cues.FirstStartingFrom(spanSentence.FirstToken); c < cues.Spans.Count && cues.Spans[c].Start < spanSentence.EndToken; c++)
        {
            if (c != cueIndex && (direction == 0 ? cues.Spans[c].Start >= span.End : cues.Spans[c].End <= span.Start))
            {
                rivals++;
            }
        }
        var cueSentence = x.Document.Sentences[x.SentenceOf[cueStart]];
        ulong atEnd = FeatureKeys.Distance(cueSentence.EndToken - cueEnd) / 2;
        keys.Add(Rivals, (ulong)direction * 3 + FeatureKeys.Few(rivals), shape);
        keys.Add(CueAtEnd, (ulong)direction * 3 + FeatureKeys.Few(rivals), atEnd * 2 + (x.CommasBefore[cueStart] > x.CommasBefore[Math.Max(cueStart - 2, 0)] ? 1UL : 0));
        // A cue of the same sentence between this one and the span, and the word before it (`who`, a comma).
        if (direction == 0 && cueIndex + 1 < cues.Spans.Count && cues.Spans[cueIndex + 1].End <= span.Start
            && x.SentenceOf[cues.Spans[cueIndex + 1].Start] == x.SentenceOf[cueStart])
        {
            int skipped = cues.Spans[cueIndex + 1].Start;
            keys.Add(Skipped, 1, skipped > 0 ? x.Lower[skipped - 1] : AttributionText.Edge);
        }
        else
        {
            keys.Add(Skipped, 0, 0);
        }
    }
}
