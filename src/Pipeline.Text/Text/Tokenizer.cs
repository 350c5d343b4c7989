namespace Pipeline.Text;

/// <summary>
/// Splits text into tokens the way news corpora are tokenized (CoNLL/Penn Treebank style): possessive and
/// contraction clitics (<c>'s</c>, <c>'re</c>) apart, abbreviations (<c>U.S.</c>, <c>Mr.</c>) and numbers
/// (<c>1,000</c>, <c>3.5</c>) whole, hyphenated words whole. One pass, no allocations beyond the output list.
/// </summary>
public static class Tokenizer
{
    /// <summary>Appends the tokens of <paramref name="region"/> of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Tokenize(string text, TextSpan region, List<Token> output)
    {
        int i = region.Start;
        int end = Math.Min(region.End, text.Length);
        while (i < end)
        {
            char c = text[i];
            if (CharClass.IsSpace(c))
            {
                i++;
            }
            else if (CharClass.IsWordChar(c))
            {
                i = ScanWord(text, i, end, output);
            }
            else if (CharClass.IsApostrophe(c) && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && (i == region.Start || CharClass.IsSpace(text[i - 1])))
            {
                // '90s
                int j = i + 1;
                while (j < end && CharClass.IsWordChar(text[j]))
                {
                    j++;
                }
                output.Add(new Token(i, j - i, TokenKind.Number));
                i = j;
            }
            else if (CharClass.IsApostrophe(c) && (i == region.Start || CharClass.IsSpace(text[i - 1])) && IsClitic(text, i, end))
            {
                // Tokenized corpora keep clitics apart already (Sunday 's): the same Word token as for Sunday's.
                int j = i + 1;
                while (j < end && CharClass.IsWordChar(text[j]))
                {
                    j++;
                }
                output.Add(new Token(i, j - i, TokenKind.Word));
                i = j;
            }
            else
            {
                i = ScanPunctuation(text, i, end, output);
            }
        }
    }

    /// <summary>Tokenizes a whole string; a convenience for tests and tools.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens;
    }

    private static int ScanWord(string text, int start, int end, List<Token> output)
    {
        bool number = char.IsAsciiDigit(text[start]);
        int i = start;
        while (true)
        {
            while (i < end && CharClass.IsWordChar(text[i]))
            {
                i++;
            }
            if (i + 1 >= end)
            {
                break;
            }
            char joiner = text[i];
            char after = text[i + 1];
            bool join = joiner switch
            {
                '.' => CharClass.IsWordChar(after) && !IsGluedSentenceEnd(text, start, i, end),
                ',' => number && IsThousands(text, i + 1, end),
                ':' or '/' => number && char.IsAsciiDigit(after),
                '&' => CharClass.IsUpper(text[i - 1]) && CharClass.IsUpper(after) && i - start <= 3, // AT&T, S&P
                _ when CharClass.IsHyphen(joiner) => CharClass.IsWordChar(after),
                _ when CharClass.IsApostrophe(joiner) => CharClass.IsWordChar(after) && !IsClitic(text, i, end),
                _ => false,
            };
            if (!join)
            {
                break;
            }
            i++;
        }

        // A URL or e-mail address runs to the next space (less trailing punctuation).
        if (i < end && (text[i] == '@' || (text[i] == ':' && i + 2 < end && text[i + 1] == '/' && text[i + 2] == '/')))
        {
            int j = i;
            while (j < end && !CharClass.IsSpace(text[j]))
            {
                j++;
            }
            while (j > i && (CharClass.IsSentenceEnd(text[j - 1]) || text[j - 1] is ',' or ')' or ';' or ':' or '"' or '\''))
            {
                j--;
            }
            output.Add(new Token(start, j - start, TokenKind.Word));
            return j;
        }

        // An abbreviation keeps its period: Mr. U.S. Sept. J.
        if (!number && i < end && text[i] == '.' && (i + 1 >= end || text[i + 1] != '.')
            && Abbreviations.TakesPeriod(text.AsSpan(start, i - start))
            && (!Abbreviations.NeedsNumberAfter(text.AsSpan(start, i - start)) || NumberFollows(text, i + 1, end)))
        {
            i++;
        }

        output.Add(new Token(start, i - start, number ? TokenKind.Number : TokenKind.Word));

        // Clitics become their own tokens: Biden 's, they 're.
        if (i < end && CharClass.IsApostrophe(text[i]) && IsClitic(text, i, end))
        {
            int j = i + 1;
            while (j < end && CharClass.IsWordChar(text[j]))
            {
                j++;
            }
            output.Add(new Token(i, j - i, TokenKind.Word));
            i = j;
        }
        return i;
    }

    /// <summary><c>'s 're 've 'll 'd 'm</c> (any case) closing a word.</summary>
    private static bool IsClitic(string text, int apostrophe, int end)
    {
        int j = apostrophe + 1;
        int letters = 0;
        while (j < end && char.IsAsciiLetter(text[j]) && letters < 3)
        {
            j++;
            letters++;
        }
        if (letters == 0 || (j < end && CharClass.IsWordChar(text[j])))
        {
            return false;
        }
        var clitic = text.AsSpan(apostrophe + 1, letters);
        return clitic.Equals("s", StringComparison.OrdinalIgnoreCase)
            || clitic.Equals("re", StringComparison.OrdinalIgnoreCase)
            || clitic.Equals("ve", StringComparison.OrdinalIgnoreCase)
            || clitic.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || clitic.Equals("d", StringComparison.OrdinalIgnoreCase)
            || clitic.Equals("m", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"No. 2": a space, then a digit.</summary>
    private static bool NumberFollows(string text, int i, int end)
    {
        while (i < end && text[i] == ' ')
        {
            i++;
        }
        return i < end && char.IsAsciiDigit(text[i]);
    }

    /// <summary>
    /// <c>painkillers.This</c>: a sentence end with the space lost (scraped text). Two lower-case letters before the
    /// period and a capitalized word after it are not an abbreviation (<c>U.S</c>), a domain (<c>cnn.com</c>) or a
    /// decimal, so the period is not joined.
    /// </summary>
    private static bool IsGluedSentenceEnd(string text, int start, int period, int end) =>
        period - start >= 2 && char.IsAsciiLetterLower(text[period - 1]) && char.IsAsciiLetterLower(text[period - 2])
        && period + 2 < end && char.IsAsciiLetterUpper(text[period + 1]) && char.IsAsciiLetterLower(text[period + 2]);

    /// <summary>
    /// Penn Treebank bracket escapes in tokenized corpora (<c>-LRB- CNN -RRB-</c>, lower-cased <c>-lrb-</c>):
    /// one punctuation token, like the bracket they stand for. Returns the length, or 0.
    /// </summary>
    private static int BracketEscapeLength(string text, int i, int end)
    {
        if (i + 5 > end || text[i + 4] != '-' || (i + 5 < end && CharClass.IsWordChar(text[i + 5])))
        {
            return 0;
        }
        var name = text.AsSpan(i + 1, 3);
        return name.Equals("lrb", StringComparison.OrdinalIgnoreCase) || name.Equals("rrb", StringComparison.OrdinalIgnoreCase)
            || name.Equals("lsb", StringComparison.OrdinalIgnoreCase) || name.Equals("rsb", StringComparison.OrdinalIgnoreCase)
            || name.Equals("lcb", StringComparison.OrdinalIgnoreCase) || name.Equals("rcb", StringComparison.OrdinalIgnoreCase)
            ? 5 : 0;
    }

    private static bool IsThousands(string text, int i, int end) =>
        i + 2 < end && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 >= end || !char.IsAsciiDigit(text[i + 3]));

    private static int ScanPunctuation(string text, int start, int end, List<Token> output)
    {
        char c = text[start];
        int i = start + 1;
        if (c == '-' && BracketEscapeLength(text, start, end) is > 0 and var escape)
        {
            output.Add(new Token(start, escape, TokenKind.Punctuation));
            return start + escape;
        }
        if (c == '.' || CharClass.IsHyphen(c) || CharClass.IsDash(c) || c == '`' || c == '\'' || c == '!' || c == '?' || c == '*' || c == '=' || c == '_')
        {
            // Runs: ... -- `` '' ?! ***
            while (i < end && (text[i] == c || (c is '!' or '?' && text[i] is '!' or '?')))
            {
                i++;
            }
        }
        else if (char.IsHighSurrogate(c) && i < end && char.IsLowSurrogate(text[i]))
        {
            i++;
        }
        var kind = char.IsPunctuation(c) || CharClass.IsQuoteMark(c) ? TokenKind.Punctuation : TokenKind.Symbol;
        output.Add(new Token(start, i - start, kind));
        return i;
    }
}
