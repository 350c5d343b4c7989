namespace Pipeline.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (possibly with digits, inner hyphens, apostrophes or abbreviation periods).</summary>
    Word,
    /// <summary>Starts with a digit: 42, 1,000, 3.5, 10:30, 2024-03-19, 1990s.</summary>
    Number,
    /// <summary>Sentence or clause punctuation, quotes and brackets.</summary>
    Punctuation,
    /// <summary>Anything else: currency signs, emoji, math symbols.</summary>
    Symbol,
}

/// <summary>A token: a range of the article text and its kind. Tokens never copy text.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Start + Length);

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);
}

/// <summary>A sentence: its character range, its tokens <c>[FirstToken, FirstToken + TokenCount)</c>, its paragraph.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount, int Paragraph)
{
    public int EndToken => FirstToken + TokenCount;

    public TextSpan Span => new(Start, End);
}
