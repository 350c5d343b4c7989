using System.Collections.Frozen;

namespace Pipeline.Text;

/// <summary>
/// Finds sentence boundaries in tokenized news text: paragraph ends, terminal punctuation followed by a capital,
/// quote-closing punctuation (<c>…," he said.</c>), and abbreviations that end a sentence only before a typical
/// sentence opener (<c>… in the U.S. The …</c>). Lower-cased corpora are detected and handled.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentences longer than this are cut at a clause boundary so that no stage sees unbounded input.</summary>
    public const int MaxSentenceTokens = 200;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On",
        "At", "As", "After", "Before", "When", "While", "If", "This", "That", "These", "Those", "There", "His",
        "Her", "Their", "Its", "Our", "My", "Some", "Many", "Most", "One", "Two", "Officials", "Still", "However",
        "Meanwhile", "Now", "Then", "Last", "Earlier", "Later", "According", "For", "From", "With", "By", "Since",
        "Although", "Though", "Despite", "Speaking", "Asked", "What", "Who", "Why", "How", "Where")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits each paragraph's tokens into sentences.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="tokens">All tokens of the text, in order.</param>
    /// <param name="paragraphTokenStarts">For each paragraph, the index of its first token; paragraph p ends where p+1 starts.</param>
    public static List<Sentence> Split(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> paragraphTokenStarts)
    {
        var sentences = new List<Sentence>(tokens.Length / 20 + 1);
        bool caseless = IsCaseless(text, tokens);
        for (int p = 0; p < paragraphTokenStarts.Length; p++)
        {
            int first = paragraphTokenStarts[p];
            int last = p + 1 < paragraphTokenStarts.Length ? paragraphTokenStarts[p + 1] : tokens.Length;
            SplitParagraph(text, tokens, first, last, p, caseless, sentences);
        }
        return sentences;
    }

    private static void SplitParagraph(string text, ReadOnlySpan<Token> tokens, int first, int last, int paragraph, bool caseless, List<Sentence> output)
    {
        int start = first;
        for (int t = first; t < last; t++)
        {
            int boundary = -1;
            if (IsTerminal(text, tokens[t], out bool abbreviation))
            {
                int close = t;
                while (close + 1 < last && IsCloser(text, tokens[close + 1], tokens[close].End))
                {
                    close++;
                }
                if (close + 1 >= last || StartsSentence(text, tokens, t, close + 1, abbreviation, caseless))
                {
                    boundary = close;
                }
            }
            else if (t - start + 1 >= MaxSentenceTokens && IsClauseBreak(text, tokens[t]))
            {
                boundary = t;
            }
            else if (t - start + 1 >= MaxSentenceTokens * 2)
            {
                boundary = t;
            }

            if (boundary >= 0)
            {
                Add(tokens, start, boundary + 1, paragraph, output);
                start = boundary + 1;
                t = boundary;
            }
        }
        if (start < last)
        {
            Add(tokens, start, last, paragraph, output);
        }
    }

    private static void Add(ReadOnlySpan<Token> tokens, int from, int to, int paragraph, List<Sentence> output) =>
        output.Add(new Sentence(tokens[from].Start, tokens[to - 1].End, from, to - from, paragraph));

    private static bool IsTerminal(string text, Token token, out bool abbreviation)
    {
        abbreviation = false;
        var s = token.Slice(text);
        char lastChar = s[^1];
        if (token.Kind == TokenKind.Punctuation)
        {
            return CharClass.IsSentenceEnd(lastChar) || s is "?!" or "!?";
        }
        if (token.Kind == TokenKind.Word && lastChar == '.' && s.Length > 1)
        {
            abbreviation = true;
            return !Abbreviations.IsTitle(s[..^1]) && !Abbreviations.IsInitial(s[..^1]);
        }
        return false;
    }

    /// <summary>A closing quote or bracket. Straight quotes close only when attached to what precedes them.</summary>
    private static bool IsCloser(string text, Token token, int previousEnd)
    {
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }
        var s = token.Slice(text);
        if (s is "\"" or "'")
        {
            return token.Start == previousEnd;
        }
        return s is "''" || (s.Length == 1 && CharClass.IsClosing(s[0]));
    }

    private static bool IsClauseBreak(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && token.Slice(text) is "," or ";" or ":" or "--" or "—" or "–";

    private static bool StartsSentence(string text, ReadOnlySpan<Token> tokens, int terminal, int next, bool abbreviation, bool caseless)
    {
        var nextText = tokens[next].Slice(text);
        char c = nextText[0];
        if (abbreviation)
        {
            // "the U.S. The talks" ends; "the U.S. Senate" does not.
            return Openers.Contains(nextText) && (caseless || CharClass.IsUpper(c));
        }
        var terminalText = tokens[terminal].Slice(text);
        bool ellipsis = terminalText is "…" || terminalText.StartsWith("..");
        if (CharClass.IsLower(c))
        {
            return caseless && !ellipsis && terminalText is not ("!" or "?");
        }
        if (char.IsAsciiDigit(c))
        {
            return !ellipsis;
        }
        // Upper case, an opening quote or bracket, or a symbol.
        return !(c is ',' or ';' or ':' or ')' or ']');
    }

    /// <summary>A lower-cased corpus (some CNN/DailyMail releases) gives no capital letters to lean on.</summary>
    private static bool IsCaseless(string text, ReadOnlySpan<Token> tokens)
    {
        int upper = 0, words = 0;
        for (int i = 0; i < tokens.Length && words < 2000; i++)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }
            words++;
            if (CharClass.IsUpper(text[tokens[i].Start]))
            {
                upper++;
            }
        }
        return words >= 20 && upper * 100 < words;
    }
}
