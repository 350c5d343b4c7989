using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Turns quotations in marks into quotes, in reading order: joins a split quote (<c>"…," he said. "…"</c>) into
/// one, takes a quotation inside reported speech with the clause around it, gives an unattributed quotation the
/// speaker of the quotation just before it (the same or the previous paragraph), and drops short unattributed ones.
/// </summary>
internal sealed class DirectQuotes(TextDocument document, List<Quote> quotes, SpeakerResolver speakers)
{
    private const int MinUnattributedWords = 5;

    /// <summary>Tokens allowed between an attribution and the next part of a split quote (". " or ", and").</summary>
    private const int MaxSplitGap = 3;

    /// <summary>Tokens allowed between an attribution and a quote opening at the end of the same sentence (an apposition).</summary>
    private const int MaxTailGap = 40;

    /// <summary>Tokens allowed between an attribution and a quote going on in the same sentence (<c>said during a rally,</c>).</summary>
    private const int MaxMidTailGap = 12;

    private int lastIndex = -1;
    private int lastParagraph = -1;
    private Speaker? lastSpeaker;
    private int lastAttributionEnd = -1;
    private List<(int Start, int End)>? lastParts;
    private int absorbedUntil = -1;
    private readonly List<(int Start, int End)> attributionRegions = [];

    /// <summary>True when <paramref name="token"/> lies in the attribution after a quote (<c>," Pence said on "Fox News Sunday."</c>).</summary>
    public bool InAttribution(int token)
    {
        foreach (var (start, end) in attributionRegions)
        {
            if (token >= start && token < end)
            {
                return true;
            }
        }
        return false;
    }

    public void Add(MarkedQuote quote, MarkedAttribution? attribution)
    {
        if (quote.OpenToken < absorbedUntil)
        {
            return; // Part of the reported-speech clause already taken: "… is "disgusting" and "a con"".
        }
        if (IsTitle(quote))
        {
            return; // "Fox News Sunday", "The Apprentice": a name in marks, not speech.
        }
        bool continuesSplit = lastIndex >= 0 && lastAttributionEnd >= 0 && quote.OpenToken >= lastAttributionEnd
                              && quote.Paragraph == lastParagraph && lastParts is not null
                              && (quote.OpenToken - lastAttributionEnd <= MaxSplitGap || StartsSentenceAfter(lastAttributionEnd, quote.OpenToken));
        if (continuesSplit && attribution is not { Kind: MarkedAttributionKind.After or MarkedAttributionKind.Enclosing })
        {
            // "…," he said. "…": the second part belongs to the first quote.
            lastParts!.AddRange(quote.Parts);
            var previous = quotes[lastIndex];
            quotes[lastIndex] = QuoteExtractor.Create(document, lastParts.ToArray(), QuoteType.Direct,
                lastSpeaker, previous.Cue, previous.Paragraph);
            lastAttributionEnd = -1;
            return;
        }
        if (attribution is { } found)
        {
            var parts = new List<(int Start, int End)>(quote.Parts);
            if (found.Kind == MarkedAttributionKind.Enclosing)
            {
                // Attributed content with quoted words in it: the content is the clause.
                int end = Math.Max(found.End, quote.ContentEnd);
                parts = [(found.ContentStart, end)];
                absorbedUntil = end;
            }
            if (found.Kind == MarkedAttributionKind.After)
            {
                attributionRegions.Add((quote.CloseToken + 1, found.End));
            }
            // A signature ("…" ― Name) closes its quote; a "said" between two parts joins them.
            Emit(quote, parts, found.Speaker, found.Cue, found.Kind == MarkedAttributionKind.After && found.Cue != "―" ? found.End : -1);
            return;
        }
        if (quote.Words < MinUnattributedWords)
        {
            return;
        }
        var continued = lastSpeaker is not null && quote.Paragraph - lastParagraph <= 1 ? lastSpeaker : null;
        Emit(quote, [.. quote.Parts], continued, null, -1);
    }

    /// <summary>A short run of capitalized words (<c>"State of the Union"</c>): a title or a name, not something said.</summary>
    private bool IsTitle(MarkedQuote quote)
    {
        if (quote.Words is < 1 or > 8)
        {
            return false;
        }
        var tokens = document.Tokens;
        for (int t = quote.ContentStart; t < quote.ContentEnd; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind == TokenKind.Punctuation)
            {
                if (word is "!" or "?" || (word is "," or "." && t < quote.ContentEnd - 1))
                {
                    return false;
                }
                continue;
            }
            if (!CharClass.IsUpper(word[0]) && !(t > quote.ContentStart && word is "of" or "the" or "a" or "an" or "and" or "in" or "on" or "for" or "to" or "at" or "by" or "with" or "from" or "&"))
            {
                return false;
            }
        }
        return quote.Words > 1 || quote.ContentEnd - quote.ContentStart == 1;
    }

    /// <summary>True when <paramref name="open"/> begins the sentence right after the one holding <paramref name="attributionEnd"/>.</summary>
    /// <remarks>
    /// Also when the quote opens in the attribution's own sentence, after its tail: at the sentence's very end (the
    /// splitter leaves an opening mark there: <c>…, said X, an economist. ''It's …</c>) or a few words on
    /// (<c>," Trump said during a rally, "but …</c>).
    /// </remarks>
    private bool StartsSentenceAfter(int attributionEnd, int open)
    {
        int sentence = document.SentenceOfToken(attributionEnd - 1);
        if (sentence < 0)
        {
            return false;
        }
        if (document.SentenceOfToken(open) == sentence)
        {
            int gap = open - attributionEnd;
            return (open == document.Sentences[sentence].EndToken - 1 ? gap <= MaxTailGap : gap <= MaxMidTailGap) && !HasCueOrMark(attributionEnd, open);
        }
        return sentence + 1 < document.Sentences.Length && document.Sentences[sentence + 1].FirstToken == open;
    }

    private bool HasCueOrMark(int from, int to)
    {
        var tokens = document.Tokens;
        for (int t = from; t < to; t++)
        {
            var word = document[tokens[t]];
            if ((tokens[t].Kind == TokenKind.Punctuation && CharClass.IsQuoteMark(word[0])) || (tokens[t].Kind == TokenKind.Word && CueVerbs.Of(word).Strength == CueStrength.Speech && CueVerbs.Of(word).Form == CueForm.Past))
            {
                return true;
            }
        }
        return false;
    }

    private void Emit(MarkedQuote quote, List<(int Start, int End)> parts, Speaker? speaker, string? cue, int attributionEnd)
    {
        quotes.Add(QuoteExtractor.Create(document, parts.ToArray(), QuoteType.Direct, speaker, cue, quote.Paragraph));
        lastIndex = quotes.Count - 1;
        lastParts = parts;
        lastAttributionEnd = attributionEnd;
        lastParagraph = quote.Paragraph;
        if (speaker is { } known)
        {
            lastSpeaker = known;
            speakers.Spoke(known);
        }
    }
}
