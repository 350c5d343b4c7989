namespace Pipeline.Quotes;

/// <summary>
/// Whether a further content span linked to a cue is part of the same attribution as the cue's nearest span (a quote
/// that goes on after <c>, Sullivan said.</c>, a second paragraph), or words of their own that only had this cue to
/// link to (another speaker's quote whose cue was missed: <c>"You winning?" she said, … as Trump went on about "how
/// the system is rigged"</c>). Read from the two spans' places (side, words, sentences and paragraphs between, cues,
/// spans and marks between), their kinds, voices and lengths, the span's first word and the word before it, and
/// whether its sentence names someone else or holds a verb of saying of its own, each read once per choice
/// (<see cref="PartChoice"/>): the stage ranks the three.
/// </summary>
internal static class PartFeatures
{
    private const int Choice = 1, Where = 2, Kinds = 3, Between = 4, FirstWord = 5, WordBefore = 6, Voices = 7,
        Lengths = 8, OtherSpeaker = 9, CueWord = 10, Edges = 11, SentenceOpener = 12, Gap = 13, Verbs = 14, Sides = 15;

    /// <summary>The span of <paramref name="candidates"/> (indexes into <paramref name="spans"/>) nearest to cue <paramref name="cue"/>: the attribution's main part.</summary>
    public static int Nearest(CueContext cues, List<ContentSpan> spans, int cue, ReadOnlySpan<int> candidates)
    {
        var (cueStart, cueEnd) = cues.Spans[cue];
        int best = -1, bestDistance = int.MaxValue;
        foreach (int i in candidates)
        {
            var span = spans[i];
            int distance = span.Start >= cueEnd ? span.Start - cueEnd : span.End <= cueStart ? cueStart - span.End : 0;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /// <param name="main">The cue's nearest span (<see cref="Nearest"/>).</param>
    /// <param name="part">Another span linked to the same cue.</param>
    public static void Emit(AttributionText x, CueContext cues, List<ContentSpan> spans, int cue, int main, int part, PartChoice choice, FeatureKeys keys)
    {
        keys.Clear();
        // Every template is read apart per choice.
        int c = (int)choice * 16;
        keys.Add(Choice + c, 0);
        var m = spans[main];
        var p = spans[part];
        var (cueStart, cueEnd) = cues.Spans[cue];
        bool after = p.Start >= m.End;
        int from = after ? m.End : p.End, to = after ? p.Start : m.Start;
        int sentenceGap = Math.Min(Math.Abs(x.SentenceOf[after ? p.Start : m.Start] - x.SentenceOf[after ? m.End - 1 : p.End - 1]), 3);
        int paragraphGap = Math.Min(Math.Abs(x.ParagraphOf(p.Start) - x.ParagraphOf(m.Start)), 2);
        // The part's side of the cue: 0 before it, 1 after it, 2 around it.
        ulong side = p.End <= cueStart ? 0UL : p.Start >= cueEnd ? 1UL : 2UL;
        ulong where = (after ? 1UL : 0) + 2 * (ulong)sentenceGap + 8 * (ulong)paragraphGap + 24 * side;
        keys.Add(Where + c, where);
        ulong kinds = (m.Verbatim ? 2UL : 0) + (p.Verbatim ? 1UL : 0);
        keys.Add(Kinds + c, kinds, where);
        var (otherCues, otherSpans, marks) = LinkFeatures.CountBetween(x, cues, spans, from, to, cue);
        keys.Add(Gap + c, FeatureKeys.Distance(to - from), (ulong)sentenceGap);
        keys.Add(Between + c, FeatureKeys.Few(otherCues) * 9 + FeatureKeys.Few(otherSpans) * 3 + FeatureKeys.Few(marks), (ulong)sentenceGap);
        keys.Add(FirstWord + c, kinds, x.Lower[p.Start]);
        keys.Add(WordBefore + c, kinds, p.Start > 0 ? x.Lower[p.Start - 1] : AttributionText.Edge);
        int partSentence = x.SentenceOf[p.Start], mainSentence = x.SentenceOf[m.Start];
        ulong partVoice = (ulong)(x.SentenceFlags[partSentence] & AttributionText.VoiceFlags);
        ulong mainVoice = (ulong)(x.SentenceFlags[mainSentence] & AttributionText.VoiceFlags);
        keys.Add(Voices + c, partVoice, mainVoice * 4 + kinds);
        keys.Add(Lengths + c, FeatureKeys.Distance(p.End - p.Start) / 2, FeatureKeys.Distance(m.End - m.Start) / 2);
        var sentence = x.Document.Sentences[partSentence];
        bool opensSentence = p.Start <= sentence.FirstToken + 1, closesSentence = p.End >= sentence.EndToken - 1;
        keys.Add(Edges + c, (opensSentence ? 1UL : 0) + (closesSentence ? 2UL : 0) + (x.Mark[p.Start] != MarkState.Outside ? 4UL : 0), where);
        keys.Add(SentenceOpener + c, opensSentence ? 1UL : 0, x.Lower[sentence.FirstToken]);
        keys.Add(CueWord + c, (ulong)sentenceGap, x.Lower[cueStart]);
        // Someone named or a third-person pronoun in the part's sentence, outside the part and the cue: another speaker.
        int others = 0;
        if (partSentence != x.SentenceOf[cueStart])
        {
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if ((t < p.Start || t >= p.End) && x.Mark[t] == MarkState.Outside && x.NamesSpeaker(t))
                {
                    others++;
                }
            }
        }
        keys.Add(OtherSpeaker + c, FeatureKeys.Few(others), where);
        // A verb of saying or stance in the part's sentence, outside the part, the cue and marks: a cue that was not found.
        int verbs = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if ((t < p.Start || t >= p.End) && (t < cueStart || t >= cueEnd) && x.Mark[t] == MarkState.Outside
                && (x.Class[t] & (WordClass.SpeechVerb | WordClass.StanceVerb)) != 0)
            {
                verbs++;
            }
        }
        keys.Add(Verbs + c, FeatureKeys.Few(verbs), where);
        ulong mainSide = m.End <= cueStart ? 0UL : m.Start >= cueEnd ? 1UL : 2UL;
        keys.Add(Sides + c, mainSide * 3 + side, (ulong)sentenceGap);
    }
}

/// <summary>What becomes of a further span linked to a cue (<see cref="PartFeatures"/>).</summary>
internal enum PartChoice
{
    /// <summary>Part of the attribution of the cue's nearest span.</summary>
    GoesWith,

    /// <summary>Words of another attribution, whose cue was not found: an attribution of its own with the same cue.</summary>
    Separate,

    /// <summary>No one's words: the content labels erred.</summary>
    Drop,
}
