using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Whether a paragraph break falls between two sentences of text that lost its breaks (<see cref="NewsParagraphs"/>),
/// learned from where the training articles' paragraphs end: the keys of a break after sentence <c>s</c>, read from how
/// many sentences the paragraph holds so far, the word that ends the one and opens the other, their voices, lengths
/// and quotation marks, and where a verb of saying stands in each (a trailing attribution, <c>…, Sullivan said.</c>,
/// often closes a paragraph; <c>He said</c> often opens one). A break is taken when its keys score above zero.
/// </summary>
internal static class BreakFeatures
{
    private const int Bias = 1, Since = 2, NextWord = 3, NextClass = 4, LastWord = 5, LastClass = 6, Voices = 7, Lengths = 8,
        Marks = 9, Speech = 10, NextWordSince = 11, SpeechSince = 12, Classes = 13;

    /// <param name="sentence">The sentence the break would follow; the next one would open a paragraph.</param>
    /// <param name="since">How many sentences the paragraph holds up to <paramref name="sentence"/>.</param>
    public static void Emit(AttributionText x, int sentence, int since, FeatureKeys keys)
    {
        keys.Clear();
        var sentences = x.Document.Sentences;
        var here = sentences[sentence];
        var next = sentences[sentence + 1];
        int last = Word(x, here.EndToken - 1, here.FirstToken - 1, -1);
        int first = Word(x, next.FirstToken, next.EndToken, +1);
        ulong held = (ulong)Math.Min(since, 4);
        ulong firstWord = first >= 0 ? x.Lower[first] : AttributionText.Edge;
        ulong firstClass = first >= 0 ? (ulong)x.Class[first] : 0;
        ulong speech = SpeechAt(x, here) * 4 + SpeechAt(x, next);
        keys.Add(Bias, 0);
        keys.Add(Since, held);
        keys.Add(NextWord, firstWord);
        keys.Add(NextClass, firstClass);
        keys.Add(NextWordSince, firstWord, held);
        keys.Add(LastWord, last >= 0 ? x.Lower[last] : AttributionText.Edge);
        keys.Add(LastClass, last >= 0 ? (ulong)x.Class[last] : 0);
        keys.Add(Classes, last >= 0 ? (ulong)x.Class[last] : 0, firstClass);
        keys.Add(Voices, x.SentenceFlags[sentence], x.SentenceFlags[sentence + 1]);
        keys.Add(Lengths, Length(here.TokenCount), Length(next.TokenCount));
        keys.Add(Marks, x.ClosesIn(Math.Max(here.FirstToken, here.EndToken - 2), here.EndToken) ? 1UL : 0, (ulong)x.Mark[next.FirstToken]);
        keys.Add(Speech, speech);
        keys.Add(SpeechSince, speech, held);
    }

    /// <summary>The first word token from <paramref name="from"/> towards <paramref name="to"/> (step <paramref name="step"/>), or -1.</summary>
    private static int Word(AttributionText x, int from, int to, int step)
    {
        var tokens = x.Document.Tokens;
        for (int t = from; t != to; t += step)
        {
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                return t;
            }
        }
        return -1;
    }

    /// <summary>Where the sentence's verb of saying stands: 0 none, 1 in its first four tokens, 2 in its last six, 3 elsewhere.</summary>
    private static ulong SpeechAt(AttributionText x, Sentence sentence)
    {
        ulong where = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if ((x.Class[t] & WordClass.SpeechVerb) != 0 && x.Mark[t] == MarkState.Outside)
            {
                where = t < sentence.FirstToken + 4 ? 1UL : t >= sentence.EndToken - 6 ? 2UL : 3UL;
                if (where != 3)
                {
                    return where;
                }
            }
        }
        return where;
    }

    private static ulong Length(int tokens) => tokens <= 8 ? 0UL : tokens <= 20 ? 1UL : tokens <= 35 ? 2UL : 3UL;
}
