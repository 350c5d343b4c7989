using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Finds quotes in three forms and resolves their speakers in reading order, so that <c>he said</c> refers to
/// the latest speaker: quotes in marks, quotes whose marks were stripped (<c>…, Sullivan said.</c>), and
/// reported speech (<c>Sullivan said the meeting …</c>).
/// </summary>
public sealed class QuoteExtractor : IQuoteExtractor
{
    public IReadOnlyList<Quote> Extract(TextDocument document, EntityExtraction entities)
    {
        var quotes = new List<Quote>();
        if (document.Tokens.Length == 0)
        {
            return quotes;
        }
        var speakers = new SpeakerResolver(document, entities);
        var attribution = new AttributionFinder(document, speakers);
        var marked = QuotationMarks.Find(document);
        var inMarks = new bool[document.Tokens.Length];
        foreach (var q in marked)
        {
            inMarks.AsSpan(q.OpenToken, q.CloseToken - q.OpenToken + 1).Fill(true);
        }

        var sentences = document.Sentences;
        int nextMarked = 0;
        Speaker? previousDirectSpeaker = null;
        int previousDirectParagraph = -1;
        int pending = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            if (s == 0 || sentences[s - 1].Paragraph != sentence.Paragraph)
            {
                pending = s;
            }

            bool hasMarks = false;
            while (nextMarked < marked.Count && marked[nextMarked].OpenToken < sentence.EndToken)
            {
                var q = marked[nextMarked++];
                var speaker = attribution.ForMarkedQuote(q, out string? cue)
                    ?? (previousDirectParagraph == q.Paragraph ? previousDirectSpeaker : null);
                quotes.Add(Create(document, q.ContentStart, q.ContentEnd, QuoteType.Direct, speaker, cue, q.Paragraph));
                if (speaker is { } known)
                {
                    speakers.Spoke(known);
                    previousDirectSpeaker = known;
                    previousDirectParagraph = q.Paragraph;
                }
                hasMarks = true;
            }
            if (hasMarks || inMarks[sentence.FirstToken] || inMarks[sentence.EndToken - 1])
            {
                pending = s + 1;
                continue;
            }

            if (attribution.Trailing(sentence) is { } trailing)
            {
                int end = trailing.ContentEnd;
                int last = s;
                while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentence.Paragraph
                       && attribution.ContinuesQuote(sentences[last + 1]))
                {
                    last++;
                }
                int start = sentences[pending].FirstToken;
                if (last > s)
                {
                    // Content before the attribution, then the continuation after it: one quote spanning both.
                    end = sentences[last].EndToken;
                }
                quotes.Add(Create(document, start, end, QuoteType.Unmarked, trailing.Speaker, trailing.Cue, sentence.Paragraph));
                speakers.Spoke(trailing.Speaker);
                s = last;
                pending = last + 1;
                continue;
            }

            if (attribution.Reported(sentence) is { } reported)
            {
                quotes.Add(Create(document, reported.ContentStart, reported.ContentEnd, QuoteType.Indirect, reported.Speaker, reported.Cue, sentence.Paragraph));
                speakers.Spoke(reported.Speaker);
                pending = s + 1;
            }
        }
        return quotes;
    }

    private static Quote Create(TextDocument document, int firstToken, int endToken, QuoteType type, Speaker? speaker, string? cue, int paragraph)
    {
        var tokens = document.Tokens;
        // Trim punctuation that belongs to the sentence, not the quote: leading commas, trailing commas.
        while (firstToken < endToken - 1 && document[tokens[firstToken]] is "," or ";" or ":" or "--")
        {
            firstToken++;
        }
        while (endToken > firstToken + 1 && document[tokens[endToken - 1]] is "," or ";" or ":" or "--")
        {
            endToken--;
        }
        var span = new TextSpan(tokens[firstToken].Start, tokens[endToken - 1].End);
        return new Quote(span, span.Slice(document.Text).ToString(), type, speaker?.Name, speaker?.EntityKey,
            speaker?.Mention, cue, paragraph);
    }
}
