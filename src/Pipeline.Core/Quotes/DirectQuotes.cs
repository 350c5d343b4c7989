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

    private int lastIndex = -1;
    private int lastParagraph = -1;
    private Speaker? lastSpeaker;
    private int lastAttributionEnd = -1;
    private List<(int Start, int End)>? lastParts;
    private int absorbedUntil = -1;

    public void Add(MarkedQuote quote, MarkedAttribution? attribution)
    {
        if (quote.OpenToken < absorbedUntil)
        {
            return; // Part of the reported-speech clause already taken: "… is "disgusting" and "a con"".
        }
        if (attribution is { } found)
        {
            var parts = new List<(int Start, int End)>(quote.Parts);
            if (found.Kind == MarkedAttributionKind.Enclosing)
            {
                // Reported speech with quoted words: the content is the clause, to the end of its sentence.
                int sentence = document.SentenceOfToken(quote.CloseToken);
                int end = sentence >= 0 ? Math.Max(quote.ContentEnd, document.Sentences[sentence].EndToken) : quote.ContentEnd;
                while (end > quote.ContentEnd && document[document.Tokens[end - 1]] is "." or "!" or "?")
                {
                    end--;
                }
                parts = [(found.ContentStart, end)];
                absorbedUntil = end;
            }
            Emit(quote, parts, found.Speaker, found.Cue, found.Kind == MarkedAttributionKind.After ? found.End : -1);
            return;
        }

        bool continuesSplit = lastIndex >= 0 && lastAttributionEnd >= 0 && quote.OpenToken >= lastAttributionEnd
                              && quote.Paragraph == lastParagraph && lastParts is not null
                              && (quote.OpenToken - lastAttributionEnd <= MaxSplitGap || StartsSentenceAfter(lastAttributionEnd, quote.OpenToken));
        if (continuesSplit)
        {
            // "…," he said. "…": the second part belongs to the first quote.
            lastParts!.AddRange(quote.Parts);
            var previous = quotes[lastIndex];
            quotes[lastIndex] = QuoteExtractor.Create(document, lastParts.ToArray(), QuoteType.Direct,
                lastSpeaker, previous.Cue, previous.Paragraph);
            lastAttributionEnd = -1;
            return;
        }
        if (quote.Words < MinUnattributedWords)
        {
            return;
        }
        var continued = lastSpeaker is not null && quote.Paragraph - lastParagraph <= 1 ? lastSpeaker : null;
        Emit(quote, [.. quote.Parts], continued, null, -1);
    }

    /// <summary>True when <paramref name="open"/> begins the sentence right after the one holding <paramref name="attributionEnd"/>.</summary>
    private bool StartsSentenceAfter(int attributionEnd, int open)
    {
        int sentence = document.SentenceOfToken(attributionEnd - 1);
        return sentence >= 0 && sentence + 1 < document.Sentences.Length && document.Sentences[sentence + 1].FirstToken == open;
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
