namespace Pipeline.Text;

/// <summary>
/// Tracks whether a double or single quotation is open while a paragraph is scanned, so that a quote mark
/// standing alone after a period (tokenized text: <c>it was awful . ' the</c>) can be told as closing the
/// sentence or opening the next one, and so later stages can tell quoted words from narration. Knows straight,
/// curly and Penn Treebank marks (<c>`` ''</c>, <c>` '</c>), and DailyMail's single-quote style.
/// </summary>
public struct QuoteTracker
{
    private bool doubleOpen;
    private bool singleOpen;

    /// <summary>True while a double or single quotation is open.</summary>
    public readonly bool IsOpen => doubleOpen || singleOpen;

    /// <summary>Closes every quotation: paragraphs do not share quotes for this purpose.</summary>
    public void Reset()
    {
        doubleOpen = false;
        singleOpen = false;
    }

    /// <summary>Updates the state with token <paramref name="index"/> of <paramref name="tokens"/>.</summary>
    public void Observe(string text, ReadOnlySpan<Token> tokens, int index)
    {
        var token = tokens[index];
        if (token.Kind != TokenKind.Punctuation)
        {
            return;
        }
        var s = token.Slice(text);
        switch (s)
        {
            case "``" or "“" or "«" or "„":
                doubleOpen = true;
                break;
            case "''" or "”" or "»":
                doubleOpen = false;
                break;
            case "`" or "‘" or "‹":
                singleOpen = true;
                break;
            case "’" or "›":
                singleOpen = false;
                break;
            case "\"":
                doubleOpen = Direction(text, tokens, index) switch
                {
                    > 0 => true,
                    < 0 => false,
                    _ => !doubleOpen,
                };
                break;
            case "'":
                int direction = Direction(text, tokens, index);
                if (direction > 0)
                {
                    singleOpen = true;
                }
                else if (singleOpen)
                {
                    singleOpen = false;
                }
                else if (direction == 0 && !IsPossessive(text, tokens, index))
                {
                    singleOpen = true;
                }
                break;
        }
    }

    /// <summary>
    /// True when the mark at <paramref name="index"/>, just after a sentence end, closes the quotation that
    /// sentence is in rather than opening the next one.
    /// </summary>
    public readonly bool ClosesAfterTerminal(string text, ReadOnlySpan<Token> tokens, int index, int previousEnd)
    {
        var token = tokens[index];
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }
        var s = token.Slice(text);
        if (s is "\"" or "'")
        {
            if (token.Start == previousEnd)
            {
                return true; // said." — attached to the period
            }
            int direction = Direction(text, tokens, index);
            if (direction != 0)
            {
                return direction < 0;
            }
            return s is "\"" ? doubleOpen : singleOpen;
        }
        return s is "''" or "’" || (s.Length == 1 && CharClass.IsClosing(s[0])) || s.Equals("-rrb-", StringComparison.OrdinalIgnoreCase)
            || s.Equals("-rsb-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>+1 when the mark is glued only to the next token (opening), -1 when only to the previous one (closing), else 0.</summary>
    private static int Direction(string text, ReadOnlySpan<Token> tokens, int index)
    {
        var token = tokens[index];
        bool before = index > 0 && tokens[index - 1].End == token.Start;
        bool after = index + 1 < tokens.Length && tokens[index + 1].Start == token.End;
        if (before == after)
        {
            return 0;
        }
        return after ? 1 : -1;
    }

    /// <summary><c>the players ' union</c>: a free-standing apostrophe after a plural is not a quote.</summary>
    private static bool IsPossessive(string text, ReadOnlySpan<Token> tokens, int index)
    {
        if (index == 0 || index + 1 >= tokens.Length || tokens[index - 1].Kind != TokenKind.Word || tokens[index + 1].Kind != TokenKind.Word)
        {
            return false;
        }
        char last = text[tokens[index - 1].End - 1];
        return last is 's' or 'S';
    }
}
