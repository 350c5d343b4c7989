namespace Pipeline.Quotes;

/// <summary>Who said it, and how: the source ranked among the words around its cue, the subject after an inverted verb, the speaker behind a relay, verbatim or reported.</summary>
internal sealed partial class AttributionTagger
{
    /// <summary>The best-ranked source token of cue <paramref name="cue"/>, or -1 for none.</summary>
    /// <param name="tokenScores">Per token, the score of its own keys once known (<see cref="SourceFeatures.Score"/>); <see cref="int.MinValue"/> before.</param>
    internal static int ChooseSource(AttributionModel m, AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int cue, FeatureKeys keys, List<SourceCandidate> candidates,
        Span<int> tokenScores)
    {
        SourceFeatures.Candidates(x, cues, owner, cue, candidates);
        SourceFeatures.EmitNothing(x, cues, cue, candidates.Count, keys);
        int best = -1, bestScore = m.Source.Score(keys.Keys);
        int cueStart = cues.Spans[cue].Start;
        Span<int> cueWord = stackalloc int[4];
        SourceFeatures.CueWordWeights(m.SourceWeights, x, cueStart, cueWord);
        foreach (var candidate in candidates)
        {
            int score = SourceFeatures.Score(m.SourceWeights, x, owner, cue, cueStart, candidate, cueWord, tokenScores);
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate.Token;
            }
        }
        return best;
    }

    /// <summary>
    /// Where the subject of a verb of saying that follows its content's comma or closing mark ends (<c>…, said the head
    /// of the agency.</c>, <c>…, said Olympic champion, Nicole Cooke.</c>, <c>…," said Smith, who…</c>): at most
    /// <see cref="MaxSubjectWords"/> words up to the sentence's end, or else up to the last comma before a joining word
    /// or other punctuation; <paramref name="cueEnd"/> when there is no such subject, or when a verb comes first (<c>…,
    /// said the five would try</c> and <c>…" said her son, Marcell Johnson, 20, was</c> are content).
    /// </summary>
    private static int InvertedSubject(AttributionText x, int cueStart, int cueEnd, int contentStart)
    {
        if (cueStart == 0 || contentStart >= cueStart || (x.Class[cueStart] & QuoteLexicon.Verb) == 0
            || (x.Word(cueStart - 1) is not "," && x.Mark[cueStart - 1] != MarkState.Closing))
        {
            return cueEnd;
        }
        int end = x.Document.Sentences[x.SentenceOf[cueStart]].EndToken;
        int comma = cueEnd;
        for (int t = cueEnd; t < end && t - cueEnd <= MaxSubjectWords; t++)
        {
            if (t == end - 1 && x.Shape[t] == 0)
            {
                return t;
            }
            if (x.Word(t) is "," && t > cueEnd)
            {
                comma = t;
                continue;
            }
            var wordClass = QuoteLexicon.Of(x.Lower[t]);
            if ((wordClass & (QuoteLexicon.Verb | WordClass.Present | WordClass.PastTense | WordClass.Modal)) != 0)
            {
                return cueEnd;
            }
            if (x.Shape[t] == 0 || (wordClass & WordClass.Joins) != 0)
            {
                return comma;
            }
        }
        return comma;
    }

    /// <summary>
    /// When the ranker chose no source for a verb of saying right after a quotation's closing mark (<c>…career," said
    /// the 29-year-old.</c>; not <c>…," Arrow, now retired, told CNN.</c>, where the words after the verb are its
    /// listener), the subject after it is the source: its last word before a comma or a preposition; else -1.
    /// </summary>
    private static int InvertedHead(AttributionText x, int cueStart, int cueEnd, (int Start, int End)[] parts)
    {
        if (cueStart < 2 || x.Mark[cueStart - 1] != MarkState.Closing && (x.Word(cueStart - 1) is not "," || x.Mark[cueStart - 2] != MarkState.Closing))
        {
            return -1;
        }
        int subjectEnd = InvertedSubject(x, cueStart, cueEnd, parts[0].Start);
        int head = -1;
        for (int t = cueEnd; t < subjectEnd && x.Shape[t] != 0 && (QuoteLexicon.Of(x.Lower[t]) & WordClass.Attaches) == 0; t++)
        {
            head = t;
        }
        return head;
    }

    /// <summary>
    /// The speaker behind a relay (<c>…, Netanyahu said, according to the Prime Minister's Office</c>): the words are the
    /// speaker's and the office only passed them on. PolNeAR credits the relay, so the model learned to; the query
    /// "every quote by Netanyahu" wants the speaker. When the relay cue follows a comma, a verb of saying and its subject
    /// (a name or a pronoun), the attribution is that verb's and that subject's.
    /// </summary>
    private static (int CueStart, int CueEnd, int Source) Relayed(AttributionText x, int cueStart, int cueEnd, int source)
    {
        int verb = cueStart - 2;
        if ((QuoteLexicon.Of(x.Lower[cueStart]) & WordClass.Relay) == 0 || verb < 1 || x.Word(cueStart - 1) is not ","
            || (x.Class[verb] & WordClass.SpeechVerb) == 0 || x.SentenceOf[verb - 1] != x.SentenceOf[cueStart])
        {
            return (cueStart, cueEnd, source);
        }
        int subject = verb - 1;
        return x.NamesSpeaker(subject) ? (verb, verb + 1, subject) : (cueStart, cueEnd, source);
    }

    /// <summary>True when the model reads the content as the speaker's own words rather than reported speech.</summary>
    internal static bool IsVerbatim(AttributionModel m, AttributionText x, ReadOnlySpan<(int Start, int End)> parts, int cueStart, int cueEnd, List<ContentSpan> spans, FeatureKeys keys)
    {
        VerbatimFeatures.EmitReported(keys);
        int reported = m.Verbatim.Score(keys.Keys);
        VerbatimFeatures.Emit(x, parts, cueStart, cueEnd, spans, keys);
        return m.Verbatim.Score(keys.Keys) > reported;
    }
}
