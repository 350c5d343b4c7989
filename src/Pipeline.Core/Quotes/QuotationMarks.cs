using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>A quotation in marks: the mark tokens and the content tokens between them.</summary>
internal readonly record struct MarkedQuote(int OpenToken, int CloseToken, int Paragraph)
{
    public int ContentStart => OpenToken + 1;

    /// <summary>Exclusive end of the content tokens.</summary>
    public int ContentEnd => CloseToken;
}

/// <summary>Pairs quotation marks within each paragraph: straight and curly double quotes and guillemets.</summary>
internal static class QuotationMarks
{
    /// <summary>Quotes longer than this are taken for an unbalanced mark and ignored, so one stray mark cannot swallow an article.</summary>
    private const int MaxQuoteTokens = 400;

    public static List<MarkedQuote> Find(TextDocument document)
    {
        var found = new List<MarkedQuote>();
        var tokens = document.Tokens;
        for (int p = 0; p < document.Paragraphs.Length; p++)
        {
            int first = document.ParagraphTokenStarts[p];
            int last = p + 1 < document.ParagraphTokenStarts.Length ? document.ParagraphTokenStarts[p + 1] : tokens.Length;
            int open = -1;
            char closer = '\0';
            for (int t = first; t < last; t++)
            {
                if (tokens[t].Kind != TokenKind.Punctuation || tokens[t].Length != 1)
                {
                    continue;
                }
                char c = document.Text[tokens[t].Start];
                if (open >= 0 && (c == closer || (closer == '"' && c == '”')))
                {
                    if (t - open > 1 && t - open <= MaxQuoteTokens)
                    {
                        found.Add(new MarkedQuote(open, t, p));
                    }
                    open = -1;
                }
                else if (c is '"' or '“' or '«' or '„')
                {
                    open = t;
                    closer = c switch { '“' or '„' => '”', '«' => '»', _ => '"' };
                }
            }
        }
        return found;
    }
}
