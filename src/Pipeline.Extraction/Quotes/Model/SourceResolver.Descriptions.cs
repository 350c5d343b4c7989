using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>A source that names no one, kept as the noun phrase it heads (<c>a spokeswoman for the central bank</c>): where the phrase begins and ends.</summary>
internal sealed partial class SourceResolver
{
    /// <summary>Where the description that <paramref name="head"/> ends starts: its determiner, or the words before it that belong to it.</summary>
    private int DescriptionStart(int head)
    {
        int start = DeterminerBefore(head);
        if (start >= 0)
        {
            return start;
        }
        start = head;
        while (start > 0 && head - start < MaxDescriptionTokens && ExtendsDescription(start - 1))
        {
            start--;
        }
        return start;
    }

    /// <summary>
    /// The first of two source nouns joined to <paramref name="head"/> (<c>the family and friends</c>, <c>lawyers or
    /// advisers</c>), or <paramref name="head"/> itself.
    /// </summary>
    private int CoordinatedWith(int head)
    {
        int other = head - 2;
        return other >= 0 && IsSourceNoun(head) && IsSourceNoun(other)
               && (QuoteLexicon.Of(document[document.Tokens[head - 1]]) & WordClass.Coordinates) != 0 ? other : head;
    }

    private bool IsSourceNoun(int t) =>
        document.Tokens[t].Kind == TokenKind.Word && (QuoteLexicon.Of(document[document.Tokens[t]]) & WordClass.SpeakerNoun) != 0;

    /// <summary>
    /// The last word of the subject that <paramref name="token"/> opens when it is a determiner or <c>one</c> (class
    /// <c>opens</c>; numbers and the pieces of <c>22-year-old</c> go with their word) and the
    /// words after it, at most <see cref="MaxSubjectAfter"/> of them, run up to the cue or to punctuation (<c>her father
    /// said</c>, <c>his church announced</c>, <c>wrote one poster,</c>); <paramref name="token"/> itself otherwise.
    /// </summary>
    private int HeadAfter(int token, int cueToken)
    {
        if ((QuoteLexicon.Of(document[document.Tokens[token]]) & (WordClass.Determiner | WordClass.Opens)) == 0)
        {
            return token;
        }
        var tokens = document.Tokens;
        int words = 0;
        for (int t = token + 1; t < tokens.Length; t++)
        {
            var next = tokens[t];
            if (t == cueToken)
            {
                return t > token + 1 ? t - 1 : NounInCue(token, cueToken);
            }
            if (next.Kind == TokenKind.Number || InsideWord(t))
            {
                continue;
            }
            if (next.Kind != TokenKind.Word && !IsPossessive(document[next]))
            {
                return t - 1;
            }
            if ((QuoteLexicon.Of(document[next]) & (OutsideDescription | WordClass.Attaches | WordClass.Determiner | WordClass.Relay)) != 0
                || (next.Start != tokens[t - 1].End && ++words > MaxSubjectAfter))
            {
                return token;
            }
        }
        return token;
    }

    /// <summary>
    /// The last source noun the cue opens with, when the cue took the noun its determiner opens (<c>a statement said</c>
    /// tagged as the cue <c>statement said</c>): the subject's head; else <paramref name="determiner"/>.
    /// </summary>
    private int NounInCue(int determiner, int cueToken)
    {
        int head = determiner;
        for (int t = cueToken; t < document.Tokens.Length && t - cueToken < MaxSubjectAfter && IsSourceNoun(t)
             && (QuoteLexicon.Of(document[document.Tokens[t]]) & QuoteLexicon.Verb) == 0; t++)
        {
            head = t;
        }
        return head;
    }

    /// <summary>True when token <paramref name="t"/> touches the tokens on both sides: a piece of one word (<c>22-year-old</c>).</summary>
    private bool InsideWord(int t)
    {
        var tokens = document.Tokens;
        return t > 0 && t + 1 < tokens.Length && tokens[t].Start == tokens[t - 1].End && tokens[t + 1].Start == tokens[t].End
               && tokens[t].Kind != TokenKind.Word;
    }

    /// <summary>Words after a determiner that <see cref="HeadAfter"/> reads as its subject.</summary>
    private const int MaxSubjectAfter = 3;

    /// <summary>
    /// Where a description that hangs on a noun before it by a preposition really starts: <c>a spokeswoman for</c> the
    /// central bank, <c>a person familiar with</c> the matter, <c>the head of</c> the agency. Read back from the
    /// preposition over at most <see cref="MaxOuterWords"/> words to their determiner, or to punctuation, another
    /// preposition, a joining word, a relay or the text's start when a source noun is among them (<c>but two officials
    /// close to</c> Hadi, <c>according to officials with</c> the government); <paramref name="start"/> itself when a
    /// verb, a pronoun or a person's or organization's name comes first (<c>told reporters in</c> the capital), or, with
    /// <paramref name="needsPerson"/>, when the words hold no noun for people (<c>footage of</c> Hillary Clinton).
    /// </summary>
    private int OuterPhrase(int start, bool needsPerson = false)
    {
        int preposition = start - 1;
        if (preposition < 1 || document.Tokens[preposition].Kind != TokenKind.Word
            || (QuoteLexicon.Of(document[document.Tokens[preposition]]) & WordClass.Attaches) == 0)
        {
            return start;
        }
        bool sourceNoun = false, person = false;
        for (int t = preposition - 1; ; t--)
        {
            var wordClass = t >= 0 && document.Tokens[t].Kind == TokenKind.Word ? QuoteLexicon.Of(document[document.Tokens[t]]) : WordClass.None;
            if (t >= 0 && IsPossessive(document[document.Tokens[t]]))
            {
                continue;
            }
            if (t < 0 || document.Tokens[t].Kind != TokenKind.Word || (wordClass & (WordClass.Attaches | WordClass.Joins | WordClass.Relay)) != 0)
            {
                return sourceNoun && (person || !needsPerson) && t + 1 < preposition ? t + 1 : start;
            }
            if (preposition - t > MaxOuterWords)
            {
                return start;
            }
            if ((wordClass & WordClass.Determiner) != 0)
            {
                return needsPerson ? (person ? t : start) : t;
            }
            if ((wordClass & OutsideDescription) != 0 || IsSpeakerEntity(t))
            {
                return start;
            }
            sourceNoun |= (wordClass & WordClass.SpeakerNoun) != 0;
            person |= (wordClass & WordClass.Person) != 0;
        }
    }

    /// <summary>Words a description's outer noun phrase may have between its determiner and its preposition.</summary>
    private const int MaxOuterWords = 4;

    /// <summary>
    /// The determiner that opens the noun phrase <paramref name="head"/> ends (<c>the park service</c>, <c>a criminal
    /// complaint</c>, <c>the company's chief executive</c>), or -1 when a verb, a pronoun, a joining word or punctuation
    /// comes first.
    /// </summary>
    private int DeterminerBefore(int head)
    {
        for (int t = head - 1; t >= 0 && head - t <= MaxDescriptionTokens; t--)
        {
            var token = document.Tokens[t];
            var word = document[token];
            if (IsPossessive(word))
            {
                continue;
            }
            if (token.Kind != TokenKind.Word)
            {
                return -1;
            }
            var wordClass = QuoteLexicon.Of(word);
            if ((wordClass & WordClass.Determiner) != 0)
            {
                return t;
            }
            if ((wordClass & OutsideDescription) != 0
                || word.Contains("n't", StringComparison.OrdinalIgnoreCase) || word.Contains("n’t", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>A word before a description's head that belongs to it: a determiner, a capitalized word or part of a name, a source noun.</summary>
    private bool ExtendsDescription(int t)
    {
        var token = document.Tokens[t];
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }
        var word = document[token];
        var wordClass = QuoteLexicon.Of(word);
        if ((wordClass & OutsideDescription) != 0)
        {
            return false;
        }
        return (wordClass & (WordClass.Determiner | WordClass.SpeakerNoun)) != 0 || CharClass.IsUpper(word[0]) || entities.MentionAtToken(t) >= 0;
    }

    private Speaker Description(int start, int end)
    {
        var span = new TextSpan(document.Tokens[start].Start, document.Tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Description);
    }
}
