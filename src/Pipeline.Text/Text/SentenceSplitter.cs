using System.Collections.Frozen;

namespace Pipeline.Text;

/// <summary>
/// Finds sentence boundaries in tokenized news text: paragraph ends, terminal punctuation followed by a capital,
/// quote-closing punctuation (<c>…," he said.</c>), and abbreviations that end a sentence only before a typical
/// sentence opener (<c>… in the U.S. The …</c>). Lower-cased and already-tokenized corpora (<c>sunday 's</c>,
/// <c>`` … ''</c>, <c>-lrb-</c>) are detected and handled, and leading datelines and bylines
/// (<c>(CNN) --</c>, <c>By . Author . PUBLISHED: . …</c>) are kept apart from the first sentence
/// (see <see cref="NewsHeaders"/>).
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentences longer than this are cut at a clause boundary so that no stage sees unbounded input.</summary>
    public const int MaxSentenceTokens = 200;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = WordLists.Set(typeof(SentenceSplitter).Assembly, "Pipeline.Text.Lexicons.sentence-openers.txt", StringComparer.OrdinalIgnoreCase);

    /// <summary>Splits each paragraph's tokens into sentences.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="tokens">All tokens of the text, in order.</param>
    /// <param name="paragraphTokenStarts">For each paragraph, the index of its first token; paragraph p ends where p+1 starts.</param>
    public static List<Sentence> Split(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> paragraphTokenStarts) =>
        Split(text, tokens, paragraphTokenStarts, out _);

    /// <summary>
    /// Splits each paragraph's tokens into sentences; <paramref name="headerSentences"/> leading ones are a
    /// dateline or byline rather than body text. Every token belongs to exactly one sentence.
    /// </summary>
    public static List<Sentence> Split(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> paragraphTokenStarts, out int headerSentences)
    {
        var sentences = new List<Sentence>(tokens.Length / 20 + 1);
        var style = TextStyle.Detect(text, tokens);
        var quotes = new QuoteTracker();
        for (int p = 0; p < paragraphTokenStarts.Length; p++)
        {
            int first = paragraphTokenStarts[p];
            int last = p + 1 < paragraphTokenStarts.Length ? paragraphTokenStarts[p + 1] : tokens.Length;
            quotes.Reset();
            SplitParagraph(text, tokens, first, last, p, style, ref quotes, sentences);
        }
        headerSentences = NewsHeaders.SeparateLeading(text, tokens, sentences, style);
        return sentences;
    }

    private static void SplitParagraph(string text, ReadOnlySpan<Token> tokens, int first, int last, int paragraph, TextStyle style,
        ref QuoteTracker quotes, List<Sentence> output)
    {
        int start = first;
        for (int t = first; t < last; t++)
        {
            quotes.Observe(text, tokens, t);
            int boundary = -1;
            var terminal = Terminal(text, tokens, t, first, style);
            if (terminal != TerminalKind.None)
            {
                int close = t;
                while (close + 1 < last && quotes.ClosesAfterTerminal(text, tokens, close + 1, tokens[close].End))
                {
                    close++;
                    quotes.Observe(text, tokens, close);
                }
                if (close + 1 >= last || StartsSentence(text, tokens, t, close + 1, terminal, style))
                {
                    boundary = close;
                }
                else
                {
                    t = close; // the closers are part of this sentence; their quote state is recorded
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

    private enum TerminalKind : byte
    {
        None,
        /// <summary>. ! ? … : ends a sentence before a capital (or anything, in tokenized text).</summary>
        Full,
        /// <summary>An abbreviation's period: ends a sentence only before a typical opener.</summary>
        Abbreviation,
    }

    private static TerminalKind Terminal(string text, ReadOnlySpan<Token> tokens, int t, int paragraphStart, TextStyle style)
    {
        var token = tokens[t];
        var s = token.Slice(text);
        char lastChar = s[^1];
        if (token.Kind == TokenKind.Punctuation)
        {
            if (!CharClass.IsSentenceEnd(lastChar) && s is not ("?!" or "!?"))
            {
                return TerminalKind.None;
            }
            if (s is "." && t > paragraphStart && tokens[t - 1].End == token.Start && tokens[t - 1].Kind == TokenKind.Word
                && (style.Caseless || style.Tokenized))
            {
                // The tokenizer left this period apart because the word is no abbreviation it knows in this case
                // (lower-cased "mr." "sept."). Tokenized corpora split every sentence-final period off its word, so
                // a period still glued to one is an abbreviation's.
                var word = tokens[t - 1].Slice(text);
                if (style.Tokenized || Abbreviations.IsTitleIgnoreCase(word))
                {
                    return TerminalKind.None;
                }
                if (Abbreviations.TakesPeriodIgnoreCase(word))
                {
                    return TerminalKind.Abbreviation;
                }
            }
            return TerminalKind.Full;
        }
        if (token.Kind == TokenKind.Word && lastChar == '.' && s.Length > 1)
        {
            if (style.Tokenized)
            {
                return TerminalKind.None; // "in the u.s. ." – a tokenized corpus adds the sentence's own period
            }
            var word = s[..^1];
            bool title = style.Caseless ? Abbreviations.IsTitleIgnoreCase(word) : Abbreviations.IsTitle(word);
            return title || Abbreviations.IsInitial(word) ? TerminalKind.None : TerminalKind.Abbreviation;
        }
        return TerminalKind.None;
    }

    private static bool IsClauseBreak(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && token.Slice(text) is "," or ";" or ":" or "--" or "—" or "–";

    private static bool StartsSentence(string text, ReadOnlySpan<Token> tokens, int terminal, int next, TerminalKind kind, TextStyle style)
    {
        var nextText = tokens[next].Slice(text);
        char c = nextText[0];
        if (kind == TerminalKind.Abbreviation)
        {
            // "the U.S. The talks" ends; "the U.S. Senate" does not.
            return Openers.Contains(nextText) && (style.Caseless || CharClass.IsUpper(c));
        }
        var terminalText = tokens[terminal].Slice(text);
        if (c is '#' or '@' && terminalText is not ".")
        {
            return false; // "did you miss the coach? #RubberDub," – a hashtag or handle goes on the quote
        }
        bool ellipsis = terminalText is "…" || terminalText.StartsWith("..");
        if (CharClass.IsLower(c))
        {
            // In lower-cased or tokenized text a lone period is the only sign left; "?" and "!" often sit inside
            // a quote that the sentence goes on after (`` why ? '' he asked).
            return (style.Caseless || (style.Tokenized && terminalText is ".")) && !ellipsis && terminalText is not ("!" or "?");
        }
        if (char.IsAsciiDigit(c))
        {
            return !ellipsis;
        }
        // Upper case, an opening quote or bracket, or a symbol.
        return !(c is ',' or ';' or ':' or ')' or ']') && !nextText.Equals("-rrb-", StringComparison.OrdinalIgnoreCase);
    }
}
