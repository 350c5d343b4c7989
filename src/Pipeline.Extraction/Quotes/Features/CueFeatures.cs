using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Cue detection as token classification, left to right, each token labelled <see cref="Outside"/>, <see cref="Begin"/>
/// or <see cref="Inside"/> of a cue (<c>said</c>, <c>according to</c>, <c>said in a statement</c>) with the previous
/// label as a feature. The cue lexicon is one feature among the word, its neighbours, the quotation marks around it
/// and the entities beside it. Tokens are scored only when they may start a cue (a listed verb of saying, or a word the
/// model's cue words hold: one that began a cue often enough in training, and in the model for text with marks also one
/// whose stem did, so that <c>endorsing</c> is scored when training saw <c>endorsed</c>, and a listed verb of stance) or
/// may go on with one. A second pass reads the first pass's labels of the whole sentence, so
/// that a verb before a trailing attribution (<c>… the president has emphasized …, Sullivan said.</c>) can tell it is
/// inside the quoted words: attributions in news do not nest.
/// </summary>
internal static class CueFeatures
{
    public const int Outside = 0;
    public const int Begin = 1;
    public const int Inside = 2;
    public const int Labels = 3;

    private const int Bias = 1, Word = 2, Class = 3, ShapeClass = 4, PreviousWord = 5, NextWord = 6, PreviousClass = 7, NextClass = 8,
        LeftBigram = 9, RightBigram = 10, SecondNextWord = 11, SecondPreviousWord = 12, Marks = 13, EntitiesAround = 14, Suffix = 15,
        Position = 16, LabelClass = 17, ClassMark = 18, NextNextClass = 19,
        WordMark = 20, SpeechAround = 21, SourceLeft = 22, SourceRight = 23, TrailingClass = 24, TrailingWord = 25,
        FirstLabel = 26, FirstNeighbours = 27, FirstLater = 28, FirstEarlier = 29, FirstLaterWord = 30, FirstLaterClass = 31, FirstLabelLater = 32, FirstLaterTrailing = 33;

    /// <summary>The templates of <see cref="EmitToken"/> whose values are few, for <see cref="DenseRows"/> (a value outside the bounds is hashed as usual).</summary>
    public static DenseTemplate[] TokenDenseTemplates =>
    [
        new(Marks, 125), new(EntitiesAround, 8, 8), new(Position, 8), new(SpeechAround, 5, 3), new(SourceLeft, 176, 4), new(SourceRight, 176, 4),
    ];

    /// <summary>The templates of <see cref="EmitSecondPass"/> whose values are few.</summary>
    public static DenseTemplate[] SecondDenseTemplates =>
    [
        new(FirstNeighbours, 4, 4), new(FirstLater, 12, 5), new(FirstEarlier, 5, 3), new(FirstLabelLater, 3, 50), new(FirstLaterTrailing, 12, 7),
    ];

    /// <summary>True when token <paramref name="t"/> is scored at all after an <see cref="Outside"/> label.</summary>
    public static bool MayBegin(AttributionText x, HashIndex cueWords, int t) =>
        (x.Class[t] & WordClass.SpeechVerb) != 0 || cueWords.TryGet(x.Lower[t], out _) || x.Stem[t] != 0 && cueWords.TryGet(x.Stem[t], out _);

    /// <param name="firstPass">The first pass's labels of every token for the second pass; empty for the first.</param>
    public static void Emit(AttributionText x, int t, int previousLabel, ReadOnlySpan<byte> firstPass, FeatureKeys keys)
    {
        keys.Clear();
        // In the order training has always seen them (the trainer numbers rows by first appearance).
        keys.Add(Bias, (ulong)previousLabel);
        EmitToken(x, t, keys, previousLabel);
        if (!firstPass.IsEmpty)
        {
            EmitSecondPass(x, t, firstPass, keys);
        }
    }

    /// <summary>Appends the keys that read the previous label: the only ones a pass's own labels change.</summary>
    public static void EmitLabel(AttributionText x, int t, int previousLabel, FeatureKeys keys)
    {
        keys.Add(Bias, (ulong)previousLabel);
        keys.Add(LabelClass, (ulong)previousLabel, (ulong)x.Class[t]);
    }

    /// <summary>Appends the keys of the token and its sentence, the same in both passes and for any previous label.</summary>
    /// <param name="previousLabel">When 0 or more, the previous label's class key goes in between, where <see cref="Emit"/> has it.</param>
    public static void EmitToken(AttributionText x, int t, FeatureKeys keys, int previousLabel = -1)
    {
        int n = x.Count;
        int paragraph = x.ParagraphOf(t);
        bool hasPrevious = t > 0 && x.ParagraphOf(t - 1) == paragraph;
        bool hasNext = t + 1 < n && x.ParagraphOf(t + 1) == paragraph;
        ulong word = x.Lower[t];
        ulong previous = hasPrevious ? x.Lower[t - 1] : AttributionText.Edge;
        ulong next = hasNext ? x.Lower[t + 1] : AttributionText.Edge;
        ulong wordClass = (ulong)x.Class[t];
        ulong previousClass = hasPrevious ? (ulong)x.Class[t - 1] : 1UL << 20;
        ulong nextClass = hasNext ? (ulong)x.Class[t + 1] : 1UL << 20;
        keys.Add(Word, word);
        keys.Add(Class, wordClass);
        keys.Add(ShapeClass, x.Shape[t], wordClass);
        keys.Add(PreviousWord, previous);
        keys.Add(NextWord, next);
        keys.Add(PreviousClass, previousClass);
        keys.Add(NextClass, nextClass);
        keys.Add(LeftBigram, previous, word);
        keys.Add(RightBigram, word, next);
        keys.Add(SecondNextWord, t + 2 < n && x.ParagraphOf(t + 2) == paragraph ? x.Lower[t + 2] : AttributionText.Edge);
        keys.Add(SecondPreviousWord, t > 1 && x.ParagraphOf(t - 2) == paragraph ? x.Lower[t - 2] : AttributionText.Edge);
        keys.Add(NextNextClass, nextClass, t + 2 < n ? (ulong)x.Class[t + 2] : 0);
        ulong marks = (ulong)(hasPrevious ? (int)x.Mark[t - 1] : 4) * 25 + (ulong)x.Mark[t] * 5 + (ulong)(hasNext ? (int)x.Mark[t + 1] : 4);
        keys.Add(Marks, marks);
        keys.Add(EntitiesAround, hasPrevious ? (ulong)(x.Entity[t - 1] & 7) : 7, hasNext ? (ulong)(x.Entity[t + 1] & 7) : 7);
        var text = x.Word(t);
        keys.Add(Suffix, text.Length > 3 ? FeatureHash.LowerChars(text[^3..]) : word);
        var sentence = x.Document.Sentences[x.SentenceOf[t]];
        keys.Add(Position, (ulong)((t == sentence.FirstToken ? 1 : 0) + (t == sentence.EndToken - 1 ? 2 : 0) + (t + 1 == sentence.EndToken - 1 ? 4 : 0)));
        if (previousLabel >= 0)
        {
            keys.Add(LabelClass, (ulong)previousLabel, wordClass);
        }
        keys.Add(ClassMark, wordClass, (ulong)x.Mark[t]);
        keys.Add(WordMark, word, (ulong)x.Mark[t]);
        ulong trailing = TrailingSpeech(x, t + 1, sentence.EndToken);
        keys.Add(SpeechAround, trailing, LeadingSpeech(x, sentence.FirstToken, t));
        keys.Add(TrailingClass, trailing, wordClass);
        keys.Add(TrailingWord, trailing == 0 ? 0UL : 1UL, word);
        keys.Add(SourceLeft, NearestSource(x, t - 1, sentence.FirstToken - 1, -1), wordClass & (ulong)QuoteLexicon.Verb);
        keys.Add(SourceRight, NearestSource(x, t + 1, sentence.EndToken, +1), wordClass & (ulong)QuoteLexicon.Verb);
    }

    /// <summary>Appends the second pass's keys, which read the first pass's labels of the sentence.</summary>
    public static void EmitSecondPass(AttributionText x, int t, ReadOnlySpan<byte> firstPass, FeatureKeys keys)
    {
        var sentence = x.Document.Sentences[x.SentenceOf[t]];
        ulong word = x.Lower[t];
        ulong wordClass = (ulong)x.Class[t];
        keys.Add(FirstLabel, firstPass[t], wordClass);
        keys.Add(FirstNeighbours, t > sentence.FirstToken ? firstPass[t - 1] : 3UL, t + 1 < sentence.EndToken ? firstPass[t + 1] : 3UL);
        // The nearest first-pass cue after this token's own cue: 1 + distance bucket, doubled when it trails a comma or a mark.
        ulong later = 0;
        int end = t + 1;
        while (end < sentence.EndToken && firstPass[end] == Inside)
        {
            end++;
        }
        for (int k = end; k < sentence.EndToken; k++)
        {
            if (firstPass[k] == Begin)
            {
                bool trailing = x.Word(k - 1) is "," || x.Mark[k - 1] == MarkState.Closing || k > 1 && (x.Word(k - 2) is "," || x.Mark[k - 2] == MarkState.Closing);
                later = (1 + FeatureKeys.Distance(k - end + 1) / 2) * 2 + (trailing ? 1UL : 0);
                break;
            }
        }
        ulong earlier = 0;
        for (int k = t - 1; k >= sentence.FirstToken; k--)
        {
            if (firstPass[k] == Begin)
            {
                earlier = 1 + FeatureKeys.Distance(t - k) / 3;
                break;
            }
        }
        keys.Add(FirstLater, later, earlier);
        keys.Add(FirstLaterWord, later & 1, word);
        keys.Add(FirstLaterClass, later, wordClass);
        keys.Add(FirstEarlier, earlier, (ulong)firstPass[t]);
        keys.Add(FirstLabelLater, firstPass[t], later * 4 + (ulong)(x.SentenceFlags[x.SentenceOf[t]] & (AttributionText.PresentFlag | AttributionText.FirstPersonFlag)));
        // A cue that itself trails its content (…, Netanyahu said, according to …) is not the content of the later one.
        keys.Add(FirstLaterTrailing, later, TrailsContent(x, t, sentence.FirstToken) * 4 + firstPass[t]);
    }

    /// <summary>
    /// How far ahead a verb of saying follows a comma or a closing mark (<c>…, Sullivan said.</c>): a cue before such a
    /// trailing attribution is mostly part of the quoted words, not a cue of its own. 0 when none.
    /// </summary>
    /// <summary>1 when a comma or closing mark comes one to three words before <paramref name="t"/> (<c>…, he said</c>, <c>…, Mr. Grant said</c>), else 0.</summary>
    private static ulong TrailsContent(AttributionText x, int t, int sentenceStart)
    {
        for (int k = t - 2; k >= t - 4 && k > sentenceStart; k--)
        {
            if (x.Word(k) is "," || x.Mark[k] == MarkState.Closing)
            {
                return 1;
            }
        }
        return 0;
    }

    private static ulong TrailingSpeech(AttributionText x, int from, int end)
    {
        bool afterBreak = false;
        for (int t = from; t < end; t++)
        {
            if (afterBreak && (x.Class[t] & WordClass.SpeechVerb) != 0)
            {
                return 1 + FeatureKeys.Distance(t - from + 1) / 3;
            }
            if (x.Shape[t] == 0)
            {
                afterBreak = x.Word(t) is "," || x.Mark[t] == MarkState.Closing || afterBreak && x.Mark[t] != MarkState.Outside;
            }
        }
        return 0;
    }

    /// <summary>Whether a verb of saying came earlier in the sentence (1), after a colon or an opening mark (2), or not (0).</summary>
    private static ulong LeadingSpeech(AttributionText x, int start, int to)
    {
        ulong found = 0;
        for (int t = start; t < to; t++)
        {
            if ((x.Class[t] & WordClass.SpeechVerb) != 0)
            {
                found = 1;
            }
            else if (found == 1 && (x.Word(t) is ":" || x.Mark[t] == MarkState.Opening))
            {
                found = 2;
            }
        }
        return found;
    }

    /// <summary>The nearest possible source (name, pronoun, source noun) from <paramref name="from"/> on: its kind and distance bucket.</summary>
    private static ulong NearestSource(AttributionText x, int from, int stop, int step)
    {
        for (int t = from; t != stop; t += step)
        {
            ulong kind = (x.Entity[t] & 16) != 0 ? (ulong)(x.Entity[t] & 7)
                : (x.Class[t] & QuoteLexicon.ThirdPersonPronoun) != 0 ? 8UL
                : (x.Class[t] & (WordClass.FirstPerson | WordClass.SecondPerson)) != 0 ? 9UL
                : (x.Class[t] & WordClass.SpeakerNoun) != 0 ? 10UL : 0;
            if (kind != 0)
            {
                return kind * 16 + FeatureKeys.Distance(Math.Abs(t - from) + 1);
            }
        }
        return 0;
    }
}
