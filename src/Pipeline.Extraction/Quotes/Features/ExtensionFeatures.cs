namespace Pipeline.Quotes;

/// <summary>
/// Whether a whole sentence next to an attribution's content goes on with it: the sentences before a trailing
/// attribution (<c>A. B, Sullivan said.</c>) or after a leading one, which the content labels, deciding token by token,
/// rarely reach. Read per sentence: its voice (first person, present or past tense, a person named), its first word,
/// whether it ends in a question or a colon, its length, whether it has no quotation marks while the sentence it
/// would join has, and the cue's word and side. Scored against a fixed "stop".
/// </summary>
internal static class ExtensionFeatures
{
    /// <summary>Sentences an attribution may grow by on each side.</summary>
    public const int MaxSentences = 4;

    private const int Stop = 1, Voice = 2, Core = 3, FirstWord = 4, Ending = 5, Length = 6, CueWord = 7, Distance = 8, VoicePair = 9, Marks = 10;

    public static void EmitStop(FeatureKeys keys)
    {
        keys.Clear();
        keys.Add(Stop, 0);
    }

    /// <param name="sentence">The candidate sentence.</param>
    /// <param name="coreSentence">The sentence of the cue.</param>
    /// <param name="backward">True for a sentence before the content.</param>
    public static void Emit(AttributionText x, int sentence, int coreSentence, int cueStart, bool backward, FeatureKeys keys)
    {
        keys.Clear();
        var s = x.Document.Sentences[sentence];
        ulong side = backward ? 0UL : 1UL;
        ulong voice = (ulong)(x.SentenceFlags[sentence] & AttributionText.VoiceFlags);
        ulong coreVoice = (ulong)(x.SentenceFlags[coreSentence] & AttributionText.VoiceFlags);
        keys.Add(Voice, side, voice);
        keys.Add(Core, side, coreVoice);
        keys.Add(VoicePair, voice, coreVoice * 2 + side);
        keys.Add(FirstWord, side, x.Lower[s.FirstToken]);
        keys.Add(Ending, side, x.Lower[s.EndToken - 1]);
        keys.Add(Length, side, FeatureKeys.Distance(s.TokenCount / 2));
        keys.Add(CueWord, side, x.Lower[cueStart]);
        keys.Add(Distance, side, (ulong)Math.Min(Math.Abs(sentence - coreSentence), MaxSentences));
        // A sentence without quotation marks after (or before) one with them, in text with double marks: a quote in
        // marks does not go on into it. (Text without them keeps its continuations: the seed's unmarked passages.)
        int joined = backward ? sentence + 1 : sentence - 1;
        if (x.HasDoubleMarks && (x.SentenceFlags[sentence] & AttributionText.MarksFlag) == 0 && joined >= 0
            && joined < x.Document.Sentences.Length && (x.SentenceFlags[joined] & AttributionText.MarksFlag) != 0)
        {
            keys.Add(Marks, side, 1);
        }
    }

    /// <summary>A sentence content may grow into: in the paragraph, with no cue and no content of its own.</summary>
    public static bool IsFree(AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int sentence, int paragraph)
    {
        var sentences = x.Document.Sentences;
        if (sentence < 0 || sentence >= sentences.Length || sentences[sentence].Paragraph != paragraph || cues.SentenceCues[sentence] > 0)
        {
            return false;
        }
        for (int t = sentences[sentence].FirstToken; t < sentences[sentence].EndToken; t++)
        {
            if (owner[t] >= 0)
            {
                return false;
            }
        }
        return true;
    }
}
