using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>Turns token ranges the extractor found into a <see cref="Quote"/> with character offsets and text.</summary>
internal static class QuoteBuilder
{
    /// <summary>
    /// Builds a quote from token ranges, trimming the punctuation that belongs to the sentence around it; outside
    /// quotation marks also the full stop that ends the reporting sentence, and for reported speech the <c>that</c>
    /// that joins it to its cue (<c>said that …</c>).
    /// </summary>
    public static Quote Create(TextDocument document, ReadOnlySpan<(int Start, int End)> tokenParts, QuoteType type, Speaker? speaker, string? cue, int paragraph)
    {
        var tokens = document.Tokens;
        var parts = new List<TextSpan>(tokenParts.Length);
        for (int p = 0; p < tokenParts.Length; p++)
        {
            var (from, to) = tokenParts[p];
            int first = from, end = to;
            while (first < end - 1 && (IsClauseMark(document, first) || QuotationMarks.IsMark(document, first)))
            {
                first++;
            }
            if (p == 0 && type == QuoteType.Indirect && end - first > 2 && document[tokens[first]] is "that")
            {
                first++;
            }
            while (end > first + 1 && (IsClauseMark(document, end - 1) || QuotationMarks.IsMark(document, end - 1)
                || type != QuoteType.Direct && p == tokenParts.Length - 1 && document[tokens[end - 1]] is "."))
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

    /// <summary>Punctuation that joins a quote to the sentence around it, not part of what was said.</summary>
    private static bool IsClauseMark(TextDocument document, int token) =>
        document[document.Tokens[token]] is "," or ";" or ":" or "--" or "—" or "–";
}
