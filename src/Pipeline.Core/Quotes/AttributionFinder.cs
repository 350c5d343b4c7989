using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>An attribution closing a sentence: content ends at <see cref="ContentEnd"/> (exclusive token index).</summary>
internal readonly record struct TrailingAttribution(int ContentEnd, Speaker Speaker, string Cue);

/// <summary>
/// Speech after its speaker: <c>Speaker cue (that) content</c>, content as tokens <c>[ContentStart, ContentEnd)</c>.
/// <see cref="Verbatim"/> when it reads as a quote that lost its marks (<c>X said, …</c>, or first-person content).
/// </summary>
internal readonly record struct ReportedSpeech(int ContentStart, int ContentEnd, Speaker Speaker, string Cue, bool Verbatim);

/// <summary>Where a quotation in marks found its speaker.</summary>
internal enum MarkedAttributionKind
{
    /// <summary><c>"…," he said</c> / <c>"…," said X</c>; <see cref="MarkedAttribution.End"/> is the token after the attribution.</summary>
    After,
    /// <summary><c>X said: "…"</c></summary>
    Before,
    /// <summary><c>X says (that) the plan "…"</c>: the quote is part of reported speech starting at <see cref="MarkedAttribution.ContentStart"/>.</summary>
    Enclosing,
}

internal readonly record struct MarkedAttribution(Speaker Speaker, string Cue, MarkedAttributionKind Kind, int ContentStart, int End);

/// <summary>Finds the attribution patterns of news prose at the token level.</summary>
internal sealed class AttributionFinder(TextDocument document, SpeakerResolver speakers)
{
    private const int MaxSpeakerTokens = 10;

    /// <summary>Words that may follow an attribution verb without starting the reported content.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TailStarters = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "at", "in", "on", "during", "after", "before", "while", "when", "from", "outside", "inside", "last", "this",
        "yesterday", "today", "tonight", "later", "earlier", "afterward", "afterwards", "recently", "again",
        "repeatedly", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "via", "through",
        "late", "early", "without", "as", "according", "adding", "noting", "saying", "calling", "referring")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words between a subject and its verb: <c>Sullivan also said</c>, <c>Biden has said</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Adverbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "also", "later", "then", "has", "had", "have", "would", "will", "previously", "repeatedly", "again",
        "initially", "reportedly", "earlier", "once", "often", "separately", "publicly", "privately", "recently",
        "subsequently", "herself", "himself", "themselves", "too", "further", "had", "simply", "flatly")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseBoundaries = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        ",", ";", ":", "(", "and", "but", "while", "that", "because", "as", "though", "although", "--", "—", "–",
        "when", "where", "who", "which", "if", "so")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary><c>…, Sullivan said.</c> / <c>…, said Jake Sullivan, the adviser.</c> / <c>…, he said at the White House.</c></summary>
    public TrailingAttribution? Trailing(Sentence sentence)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken, b = sentence.EndToken;
        for (int c = b - 1; c > a + 1; c--)
        {
            if (tokens[c].Kind != TokenKind.Word || !SpeechCues.IsVerb(document[tokens[c]]))
            {
                continue;
            }
            // ", SPEAKER cue TAIL"
            int comma = FindBack(c - 1, Math.Max(a + 1, c - 1 - MaxSpeakerTokens), ",");
            if (comma > a && TailIsAttribution(c, b) && speakers.Resolve(comma + 1, c, c) is { } speaker)
            {
                return new TrailingAttribution(comma, speaker, Cue(c));
            }
            // ", cue SPEAKER TAIL"
            if (document[tokens[c - 1]] is "," && c - 1 > a)
            {
                int end = c + 1;
                while (end < b && end - c <= MaxSpeakerTokens && !IsClausePunctuation(document[tokens[end]]))
                {
                    end++;
                }
                if (speakers.Resolve(c + 1, end, c) is { } inverted && TailIsAttribution(end - 1, b))
                {
                    return new TrailingAttribution(c - 1, inverted, Cue(c));
                }
            }
        }
        return null;
    }

    /// <summary>A sentence with no attribution of its own that speaks in the first or second person continues the quote before it.</summary>
    public bool ContinuesQuote(Sentence sentence) =>
        Trailing(sentence) is null && Reported(sentence) is null && SpeaksInFirstPerson(sentence.FirstToken, sentence.EndToken);

    /// <summary>Reported speech shifts person ("he said he would"); words in the first or second person are the speaker's own.</summary>
    private bool SpeaksInFirstPerson(int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (SpeechCues.IsFirstOrSecondPerson(document[document.Tokens[t]]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>Sullivan said the meeting …</c>, <c>officials said they …</c>, <c>Biden said in an interview that …</c>.</summary>
    public ReportedSpeech? Reported(Sentence sentence)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken, b = sentence.EndToken;
        int contentEnd = b;
        while (contentEnd > a && tokens[contentEnd - 1].Kind == TokenKind.Punctuation)
        {
            contentEnd--;
        }
        for (int c = a + 1; c < contentEnd - 1; c++)
        {
            if (tokens[c].Kind != TokenKind.Word || !SpeechCues.IsVerb(document[tokens[c]]))
            {
                continue;
            }
            if (Subject(a, c) is not { } speaker)
            {
                continue;
            }
            bool verbatim = c + 1 < contentEnd && document[tokens[c + 1]] is "," or ":";
            int start = verbatim ? c + 2 : ContentStart(c, contentEnd);
            if (start < 0 || contentEnd - start < 4)
            {
                continue;
            }
            verbatim |= document[tokens[start - 1]] is not "that" && SpeaksInFirstPerson(start, contentEnd);
            return new ReportedSpeech(start, contentEnd, speaker, Cue(c), verbatim);
        }
        return null;
    }

    /// <summary>
    /// The speaker of a quote in marks: after it (<c>," he said</c>), before it (<c>X said: "</c>), or a reported-speech
    /// clause around it in the same sentence (<c>X says the plan is "…"</c>).
    /// </summary>
    public MarkedAttribution? ForMarkedQuote(MarkedQuote quote)
    {
        var tokens = document.Tokens;
        int sentenceIndex = document.SentenceOfToken(quote.CloseToken);
        int b = sentenceIndex >= 0 ? document.Sentences[sentenceIndex].EndToken : tokens.Length;
        int after = quote.CloseToken + 1;
        if (after < b && document[tokens[after]] is ",")
        {
            after++;
        }
        for (int c = after; c < Math.Min(b, after + MaxSpeakerTokens + 1); c++)
        {
            if (tokens[c].Kind != TokenKind.Word || !SpeechCues.IntroducesMarkedQuote(document[tokens[c]]))
            {
                if (IsAccordingTo(c) && Phrase(c + 2, b) is var (start, end) && speakers.Resolve(start, end, c) is { } source)
                {
                    return new MarkedAttribution(source, "according to", MarkedAttributionKind.After, quote.ContentStart, end);
                }
                continue;
            }
            if (c > after && speakers.Resolve(after, c, c) is { } before)
            {
                return new MarkedAttribution(before, Cue(c), MarkedAttributionKind.After, quote.ContentStart, c + 1);
            }
            if (c == after && Phrase(c + 1, b) is var (from, to) && speakers.Resolve(from, to, c) is { } inverted)
            {
                return new MarkedAttribution(inverted, Cue(c), MarkedAttributionKind.After, quote.ContentStart, to);
            }
            break;
        }

        // "…" ― Name (a dash before the speaker, as in collections of readers' comments)
        int dash = quote.CloseToken + 1;
        if (dash < tokens.Length && document[tokens[dash]] is "―" or "—" or "–" or "--" && document.SentenceOfToken(dash) == sentenceIndex
            && Phrase(dash + 1, b) is var (nameStart, nameEnd) && speakers.Resolve(nameStart, nameEnd, dash) is { } signed)
        {
            return new MarkedAttribution(signed, "―", MarkedAttributionKind.After, quote.ContentStart, nameEnd);
        }

        int openSentence = document.SentenceOfToken(quote.OpenToken);
        int sentenceStart = openSentence >= 0 ? document.Sentences[openSentence].FirstToken : 0;
        if (LeadIn(quote, openSentence) is { } leadIn)
        {
            return leadIn;
        }
        // Nearest cue before the opening mark, in the same sentence.
        for (int c = quote.OpenToken - 1; c > sentenceStart && c >= quote.OpenToken - 16; c--)
        {
            var word = document[tokens[c]];
            if (word is "." or "!" or "?" || (tokens[c].Kind == TokenKind.Punctuation && CharClass.IsQuoteMark(word[0])))
            {
                break;
            }
            if (tokens[c].Kind != TokenKind.Word || !SpeechCues.IntroducesMarkedQuote(word) || Subject(sentenceStart, c) is not { } subject)
            {
                continue;
            }
            int lead = quote.OpenToken - 1;
            if (c == lead - 1 && document[tokens[lead]] is ":" or ",")
            {
                return new MarkedAttribution(subject, Cue(c), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken);
            }
            int contentStart = c + 1;
            if (contentStart < quote.OpenToken && document[tokens[contentStart]] is "that")
            {
                contentStart++;
            }
            return contentStart >= quote.OpenToken
                ? new MarkedAttribution(subject, Cue(c), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken)
                : new MarkedAttribution(subject, Cue(c), MarkedAttributionKind.Enclosing, contentStart, quote.OpenToken);
        }
        return null;
    }

    /// <summary>A quote opening a paragraph after one that ends <c>X said:</c> (or <c>X continued:</c>).</summary>
    private MarkedAttribution? LeadIn(MarkedQuote quote, int openSentence)
    {
        var tokens = document.Tokens;
        if (openSentence <= 0 || document.Sentences[openSentence].FirstToken != quote.OpenToken)
        {
            return null;
        }
        var previous = document.Sentences[openSentence - 1];
        int colon = previous.EndToken - 1;
        if (document[tokens[colon]] is not ":" || colon - 1 <= previous.FirstToken)
        {
            return null;
        }
        int cue = colon - 1;
        while (cue > previous.FirstToken && !SpeechCues.IntroducesMarkedQuote(document[tokens[cue]]) && colon - cue < 4)
        {
            cue--;
        }
        return SpeechCues.IntroducesMarkedQuote(document[tokens[cue]]) && Subject(previous.FirstToken, cue) is { } subject
            ? new MarkedAttribution(subject, Cue(cue), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken)
            : null;
    }

    /// <summary>A speaker phrase starting at <paramref name="from"/>, up to clause punctuation: <c>said Jake Sullivan, the adviser</c>.</summary>
    private (int Start, int End)? Phrase(int from, int limit)
    {
        int end = from;
        while (end < limit && end - from <= MaxSpeakerTokens && !IsClausePunctuation(document[document.Tokens[end]]))
        {
            end++;
        }
        return end > from ? (from, end) : null;
    }

    private bool IsAccordingTo(int token) =>
        token + 2 < document.Tokens.Length
        && document[document.Tokens[token]].Equals("according", StringComparison.OrdinalIgnoreCase)
        && document[document.Tokens[token + 1]] is "to";

    /// <summary>The subject ending just before the verb at <paramref name="cue"/>, from the last clause boundary; appositions allowed.</summary>
    private Speaker? Subject(int sentenceStart, int cue)
    {
        var tokens = document.Tokens;
        int end = cue;
        while (end > sentenceStart && Adverbs.Contains(document[tokens[end - 1]]))
        {
            end--;
        }
        if (end > sentenceStart && document[tokens[end - 1]] is ",")
        {
            // "Biden's national security adviser, Jake Sullivan, told …": the apposition names the speaker.
            int open = FindBack(end - 2, Math.Max(sentenceStart, end - 2 - MaxSpeakerTokens), ",");
            if (open >= sentenceStart && speakers.Resolve(open + 1, end - 1, cue) is { } apposition)
            {
                return apposition;
            }
            return null;
        }
        int start = end;
        while (start > sentenceStart && end - start < MaxSpeakerTokens && !ClauseBoundaries.Contains(document[tokens[start - 1]]))
        {
            start--;
        }
        return start < end ? speakers.Resolve(start, end, cue) : null;
    }

    /// <summary>Where reported content starts after the verb, or -1 when what follows is not a clause.</summary>
    private int ContentStart(int cue, int contentEnd)
    {
        var tokens = document.Tokens;
        int next = cue + 1;
        if (next >= contentEnd || tokens[next].Kind == TokenKind.Punctuation)
        {
            return -1;
        }
        // "said (in an interview last weekend) that …"; "told reporters (later) that …"
        bool told = document[tokens[cue]].StartsWith("tel", StringComparison.OrdinalIgnoreCase)
                    || document[tokens[cue]].StartsWith("told", StringComparison.OrdinalIgnoreCase);
        for (int t = next; t < Math.Min(contentEnd, next + 8); t++)
        {
            var word = document[tokens[t]];
            if (word is "that")
            {
                return t + 1;
            }
            if (tokens[t].Kind == TokenKind.Punctuation || (!told && t == next && !TailStarters.Contains(word)))
            {
                break;
            }
        }
        if (SpeechCues.NeedsThatClause(document[tokens[cue]]) || TailStarters.Contains(document[tokens[next]]))
        {
            return -1;
        }
        if (told)
        {
            // "told reporters the …": skip the hearer.
            return next + 1 < contentEnd ? next + 1 : -1;
        }
        return next;
    }

    private bool TailIsAttribution(int cue, int end)
    {
        var tokens = document.Tokens;
        int next = cue + 1;
        var cueWord = document[tokens[cue]];
        if (next < end && (cueWord.Equals("told", StringComparison.OrdinalIgnoreCase) || cueWord.Equals("tells", StringComparison.OrdinalIgnoreCase)))
        {
            // "…, Sullivan told reporters." / "…, he told CNN on Monday."
            int hearer = next;
            while (hearer < end && hearer - next < 3 && tokens[hearer].Kind == TokenKind.Word && !TailStarters.Contains(document[tokens[hearer]]))
            {
                hearer++;
            }
            next = hearer;
        }
        if (next >= end)
        {
            return true;
        }
        var word = document[tokens[next]];
        return tokens[next].Kind == TokenKind.Punctuation ? word is not ("(" or "[") : TailStarters.Contains(word);
    }

    private int FindBack(int from, int limit, string punctuation)
    {
        for (int t = from; t >= limit; t--)
        {
            var word = document[document.Tokens[t]];
            if (word.SequenceEqual(punctuation))
            {
                return t;
            }
            if (word is "." or "!" or "?" or ";" || (punctuation != "," && word is ","))
            {
                break;
            }
        }
        return -1;
    }

    private static bool IsClausePunctuation(ReadOnlySpan<char> token) => token is "," or "." or ";" or ":" or "!" or "?" or "--";

    private string Cue(int token) => document[document.Tokens[token]].ToString().ToLowerInvariant();
}
