using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Finds quotes in three forms and resolves their speakers in reading order, so that <c>he said</c> refers to
/// the latest speaker: quotes in marks (split and multi-paragraph quotes joined, quotes inside reported speech
/// taken with it), quotes whose marks were stripped (<c>…, Sullivan said.</c>), and reported speech
/// (<c>Sullivan said the meeting …</c>).
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
        var direct = new DirectQuotes(document, quotes, speakers);
        int nextMarked = 0;
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
                direct.Add(q, attribution.ForMarkedQuote(q));
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
                var parts = last > s
                    ? new[] { (start, end), (sentences[s + 1].FirstToken, sentences[last].EndToken) }
                    : new[] { (start, end) };
                quotes.Add(Create(document, parts, QuoteType.Unmarked, trailing.Speaker, trailing.Cue, sentence.Paragraph));
                speakers.Spoke(trailing.Speaker);
                s = last;
                pending = last + 1;
                continue;
            }

            if (attribution.Reported(sentence) is { } reported)
            {
                int last = s;
                if (reported.Verbatim)
                {
                    // "X said: We will … . We also …": the speaker's own words go on.
                    while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentence.Paragraph
                           && attribution.ContinuesQuote(sentences[last + 1]))
                    {
                        last++;
                    }
                }
                var parts = last > s
                    ? new[] { (reported.ContentStart, reported.ContentEnd), (sentences[s + 1].FirstToken, sentences[last].EndToken) }
                    : new[] { (reported.ContentStart, reported.ContentEnd) };
                quotes.Add(Create(document, parts, reported.Verbatim ? QuoteType.Unmarked : QuoteType.Indirect, reported.Speaker, reported.Cue, sentence.Paragraph));
                speakers.Spoke(reported.Speaker);
                s = last;
                pending = last + 1;
            }
        }
        return quotes;
    }

    /// <summary>Builds a quote from token ranges, trimming the punctuation that belongs to the sentence around it.</summary>
    internal static Quote Create(TextDocument document, ReadOnlySpan<(int Start, int End)> tokenParts, QuoteType type, Speaker? speaker, string? cue, int paragraph)
    {
        var tokens = document.Tokens;
        var parts = new List<TextSpan>(tokenParts.Length);
        foreach (var (from, to) in tokenParts)
        {
            int first = from, end = to;
            while (first < end - 1 && document[tokens[first]] is "," or ";" or ":" or "--" or "—" or "–")
            {
                first++;
            }
            while (end > first + 1 && (document[tokens[end - 1]] is "," or ";" or ":" or "--" or "—" or "–" || IsQuoteMark(document, end - 1)))
            {
                end--;
            }
            if (end > first && !(end - first == 1 && tokens[first].Kind == TokenKind.Punctuation))
            {
                parts.Add(new TextSpan(tokens[first].Start, tokens[end - 1].End));
            }
        }
        if (parts.Count == 0)
        {
            parts.Add(new TextSpan(tokens[tokenParts[0].Start].Start, tokens[Math.Max(tokenParts[0].Start, tokenParts[0].End - 1)].End));
        }
        var span = new TextSpan(parts[0].Start, parts[^1].End);
        string text = parts.Count == 1 ? span.Slice(document.Text).ToString() : string.Join(" ", parts.ConvertAll(p => p.Slice(document.Text).ToString()));
        return new Quote(span, text, type, speaker?.Name, speaker?.EntityKey, speaker?.Mention, cue, paragraph) { Parts = [.. parts] };
    }

    private static bool IsQuoteMark(TextDocument document, int token) =>
        document.Tokens[token].Kind == TokenKind.Punctuation && document.Tokens[token].Length == 1 && CharClass.IsQuoteMark(document.Text[document.Tokens[token].Start]);
}
