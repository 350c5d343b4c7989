using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// A quotation in marks: for each paragraph it spans, the content tokens <c>[Start, End)</c> between the marks.
/// A quote runs over several paragraphs when a paragraph ends inside it and the next one opens with a mark again.
/// </summary>
internal sealed record MarkedQuote(int OpenToken, int CloseToken, int Paragraph, (int Start, int End)[] Parts)
{
    public int ContentStart => Parts[0].Start;

    public int ContentEnd => Parts[^1].End;

    /// <summary>Words inside the marks (punctuation excluded).</summary>
    public int Words { get; init; }
}

/// <summary>
/// Pairs quotation marks: straight and curly double quotes, guillemets, and single quotes used as quotes (an opening
/// mark after a space, a closing one before a space or punctuation; apostrophes inside words never count).
/// </summary>
internal static class QuotationMarks
{
    /// <summary>A pair further apart than this is taken for a stray mark, so one cannot swallow an article.</summary>
    private const int MaxQuoteTokens = 600;

    public static List<MarkedQuote> Find(TextDocument document)
    {
        var found = new List<MarkedQuote>();
        var tokens = document.Tokens;
        var text = document.Text;
        int paragraphs = document.Paragraphs.Length;
        // An unclosed double quote at a paragraph's end that the next paragraph reopens: its parts so far.
        List<(int, int)>? carried = null;
        int carriedOpen = -1, carriedParagraph = -1;
        char carriedCloser = '\0';

        for (int p = 0; p < paragraphs; p++)
        {
            int first = document.ParagraphTokenStarts[p];
            int last = p + 1 < paragraphs ? document.ParagraphTokenStarts[p + 1] : tokens.Length;
            int open = -1;
            char closer = '\0';
            int singleOpen = -1;
            int nested = 0;
            List<(int, int)>? parts = null;
            if (carried is not null && first < last && IsOpening(text, tokens[first]) && Reopens(MarkOf(text, tokens[first]), carriedCloser))
            {
                if (StartsWithLabel(document, first + 1, last))
                {
                    // A transcript ("WALLACE: … / "PENCE: …): each speaker's turn is a quote of its own.
                    Add(found, document, carriedOpen, first - 1, carriedParagraph, carried);
                    carriedOpen = first;
                    carriedParagraph = p;
                    parts = [];
                }
                else
                {
                    parts = carried;
                }
                // The quote goes on in this paragraph.
                open = first;
                closer = carriedCloser;
            }
            carried = null;

            for (int t = first; t < last; t++)
            {
                var token = tokens[t];
                if (token.Kind != TokenKind.Punctuation || token.Length > 2)
                {
                    continue;
                }
                char c = MarkOf(text, token);
                if (c == '\0')
                {
                    continue;
                }
                if (open >= 0 && t > open && closer == '"' && (c == '“' || (c == '”' && nested > 0)))
                {
                    // Curly quotes inside a straight-quoted passage ("… an episode of “Shark Tank.” But …") nest.
                    nested += c == '“' ? 1 : -1;
                }
                else if (open >= 0 && t > open && (c == closer || (closer == '"' && c == '”') || (closer == '”' && c == '"')))
                {
                    var allParts = parts ?? [];
                    allParts.Add((open + 1, t));
                    Add(found, document, parts is null ? open : carriedOpen, t, parts is null ? p : carriedParagraph, allParts);
                    open = -1;
                    parts = null;
                    singleOpen = -1;
                }
                else if (open < 0 && (c is '"' or '“' or '«' or '„' || (c == '”' && t == first)) && IsOpening(text, token))
                {
                    // A paragraph opening with ” is a quote typed with the wrong mark: ”Fear. I am …”
                    open = t;
                    closer = c switch { '“' or '„' or '”' => '”', '«' => '»', _ => '"' };
                    singleOpen = -1;
                }
                else if (open < 0 && c is '\'' or '‘' or '’')
                {
                    // Single quotes count only outside double quotes, as an opener after a space and a closer before one.
                    if (singleOpen < 0 && c != '’' && IsOpening(text, token))
                    {
                        singleOpen = t;
                    }
                    else if (singleOpen >= 0 && c != '‘' && IsClosing(text, token) && t - singleOpen > 2)
                    {
                        Add(found, document, singleOpen, t, p, [(singleOpen + 1, t)]);
                        singleOpen = -1;
                    }
                }
            }

            if (open >= 0 && p + 1 < paragraphs && last - open < MaxQuoteTokens)
            {
                carried = parts ?? [];
                carried.Add((open + 1, last));
                if (parts is null)
                {
                    carriedOpen = open;
                    carriedParagraph = p;
                }
                carriedCloser = closer;
            }
            else if (open >= 0 && parts is not null && p + 1 >= paragraphs)
            {
                // The article ends inside a multi-paragraph quote: keep what was clearly opened.
                parts.Add((open + 1, last));
                Add(found, document, carriedOpen, last - 1, carriedParagraph, parts);
            }
        }
        return found;
    }

    private static void Add(List<MarkedQuote> found, TextDocument document, int open, int close, int paragraph, List<(int Start, int End)> parts)
    {
        int words = 0;
        foreach (var (start, end) in parts)
        {
            if (end - start > MaxQuoteTokens)
            {
                return;
            }
            for (int t = start; t < end; t++)
            {
                if (document.Tokens[t].Kind is TokenKind.Word or TokenKind.Number)
                {
                    words++;
                }
            }
        }
        if (words > 0)
        {
            found.Add(new MarkedQuote(open, close, paragraph, [.. parts]) { Words = words });
        }
    }

    /// <summary>A speaker label opening a paragraph: one to three words in capitals and a colon (<c>PENCE:</c>).</summary>
    public static bool StartsWithLabel(TextDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        for (int t = start; t < end && t - start <= 3; t++)
        {
            var word = document[tokens[t]];
            if (word is ":")
            {
                return t > start;
            }
            if (tokens[t].Kind != TokenKind.Word || word.Length < 2)
            {
                return false;
            }
            foreach (char c in word)
            {
                if (CharClass.IsLower(c))
                {
                    return false;
                }
            }
        }
        return false;
    }

    /// <summary>True when token <paramref name="token"/> is a quotation mark of any kind.</summary>
    public static bool IsMark(TextDocument document, int token) =>
        document.Tokens[token].Kind == TokenKind.Punctuation && document.Tokens[token].Length == 1 && CharClass.IsQuoteMark(document.Text[document.Tokens[token].Start]);

    /// <summary>True when token <paramref name="token"/> is a double quotation mark (also typed <c>''</c> or <c>``</c>) or a guillemet.</summary>
    public static bool IsDoubleMark(TextDocument document, int token)
    {
        var t = document.Tokens[token];
        if (t.Kind != TokenKind.Punctuation || t.Length > 2)
        {
            return false;
        }
        return document[t] is "\"" or "“" or "”" or "«" or "»" or "„" or "''" or "``";
    }

    /// <summary>The mark a token stands for; <c>''</c> and <c>``</c> (typewriter and Penn Treebank style) count as <c>"</c>.</summary>
    private static char MarkOf(string text, Token token)
    {
        if (token.Length == 1)
        {
            return text[token.Start];
        }
        var pair = token.Slice(text);
        return pair is "''" or "``" ? '"' : '\0';
    }

    /// <summary>A paragraph continues a quote only with the same kind of mark that opened it.</summary>
    private static bool Reopens(char mark, char closer) => closer switch
    {
        '”' => mark is '“' or '„',
        '»' => mark == '«',
        _ => mark == '"',
    };

    /// <summary>An opening mark: at the start or after a space, dash or bracket, and followed by text.</summary>
    private static bool IsOpening(string text, Token token)
    {
        int before = token.Start - 1;
        int after = token.End;
        bool spaceBefore = before < 0 || char.IsWhiteSpace(text[before]) || text[before] is '(' or '[' or '—' or '–' or '-' or '“' or '"';
        bool textAfter = after < text.Length && !char.IsWhiteSpace(text[after]);
        char mark = text[token.Start];
        return mark is '“' or '«' or '„' or '‘' or '`' ? textAfter : spaceBefore && textAfter;
    }

    /// <summary>A closing mark: attached to what precedes it, and followed by a space, punctuation or the end.</summary>
    private static bool IsClosing(string text, Token token)
    {
        int before = token.Start - 1;
        int after = token.End;
        return before >= 0 && !char.IsWhiteSpace(text[before])
            && (after >= text.Length || char.IsWhiteSpace(text[after]) || char.IsPunctuation(text[after]));
    }
}
