namespace Pipeline.Text;

/// <summary>
/// How a text was prepared: lower-cased (some CNN/DailyMail releases) and/or already tokenized Penn-Treebank
/// style (<c>Sunday 's</c>, <c>said .</c>, <c>`` quote ''</c>). Sentence splitting leans on capitals and on
/// where periods stand, so both change its rules.
/// </summary>
/// <param name="Caseless">Almost no capital letters: capitals cannot mark sentence starts.</param>
/// <param name="Tokenized">Commas and periods stand apart from the words before them.</param>
public readonly record struct TextStyle(bool Caseless, bool Tokenized)
{
    /// <summary>How many tokens are looked at; the style of a document shows in its first paragraphs.</summary>
    private const int SampleTokens = 3000;

    /// <summary>Detects the style from the tokens of a text.</summary>
    public static TextStyle Detect(string text, ReadOnlySpan<Token> tokens)
    {
        int upper = 0, words = 0, spaced = 0, attached = 0;
        int n = Math.Min(tokens.Length, SampleTokens);
        for (int i = 0; i < n; i++)
        {
            var token = tokens[i];
            char first = text[token.Start];
            if (token.Kind == TokenKind.Word)
            {
                if (CharClass.IsApostrophe(first))
                {
                    // A clitic: "Sunday 's" (tokenized) or "Sunday's".
                    Count(token.Start, ref spaced, ref attached);
                    continue;
                }
                words++;
                if (CharClass.IsUpper(first))
                {
                    upper++;
                }
            }
            else if (token.Kind == TokenKind.Punctuation && token.Length == 1 && first is ',' or '.' or ';' or '?' or '!'
                     && i > 0 && tokens[i - 1].Kind is TokenKind.Word or TokenKind.Number
                     && !(first == '.' && Abbreviations.TakesPeriodIgnoreCase(tokens[i - 1].Slice(text))))
            {
                // (A lower-cased "mr." keeps its period in tokenized text too: no evidence either way.)
                Count(token.Start, ref spaced, ref attached);
            }
        }
        // Short texts give little evidence: no capital at all in five words, or every comma and period spaced, will do.
        bool caseless = (words >= 20 && upper * 100 < words) || (words >= 5 && upper == 0);
        bool tokenized = (spaced >= 3 && spaced > attached * 2) || (spaced >= 2 && attached == 0);
        return new TextStyle(caseless, tokenized);

        void Count(int start, ref int spacedCount, ref int attachedCount)
        {
            if (start > 0 && CharClass.IsSpace(text[start - 1]))
            {
                spacedCount++;
            }
            else
            {
                attachedCount++;
            }
        }
    }
}
