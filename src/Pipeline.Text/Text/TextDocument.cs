namespace Pipeline.Text;

/// <summary>
/// An article body analysed once and shared by every extraction stage: tokens, sentences and paragraphs,
/// all as offsets into <see cref="Text"/>.
/// </summary>
public sealed class TextDocument
{
    private TextDocument(string text, TextSpan[] paragraphs, Token[] tokens, int[] paragraphTokenStarts, Sentence[] sentences, int headerSentences = 0)
    {
        HeaderSentences = headerSentences;
        Text = text;
        Paragraphs = paragraphs;
        Tokens = tokens;
        ParagraphTokenStarts = paragraphTokenStarts;
        Sentences = sentences;
    }

    public string Text { get; }

    public TextSpan[] Paragraphs { get; }

    public Token[] Tokens { get; }

    /// <summary>Index of the first token of each paragraph.</summary>
    public int[] ParagraphTokenStarts { get; }

    public Sentence[] Sentences { get; }

    /// <summary>
    /// How many leading <see cref="Sentences"/> are a dateline or byline (<c>(CNN) --</c>, <c>By . Author . PUBLISHED: …</c>)
    /// rather than body text; see <see cref="NewsHeaders"/>.
    /// </summary>
    public int HeaderSentences { get; }

    public ReadOnlySpan<char> this[Token token] => Text.AsSpan(token.Start, token.Length);

    private int[]? _termIds;

    /// <summary>
    /// The stemmed term id of each token (<see cref="TermVocabulary.IdOfSurface"/>), or -1 for punctuation, symbols
    /// and tokens without a letter or digit. Looked up once, on first use, for every stage that compares words by stem.
    /// </summary>
    internal ReadOnlySpan<int> TermIds => Volatile.Read(ref _termIds) ?? LookUpTermIds();

    private int[] LookUpTermIds()
    {
        var ids = new int[Tokens.Length];
        for (int t = 0; t < ids.Length; t++)
        {
            var token = Tokens[t];
            ids[t] = token.Kind is TokenKind.Word or TokenKind.Number ? TermVocabulary.IdOfSurface(token.Slice(Text)) : -1;
        }
        Volatile.Write(ref _termIds, ids); // a racing thread computes the same ids
        return ids;
    }

    /// <summary>Tokenizes the given paragraphs of <paramref name="text"/> and splits them into sentences.</summary>
    public static TextDocument Analyze(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        var tokens = new List<Token>(text.Length / 5 + 8);
        var starts = new int[paragraphs.Count];
        var paragraphArray = new TextSpan[paragraphs.Count];
        for (int p = 0; p < paragraphs.Count; p++)
        {
            paragraphArray[p] = paragraphs[p];
            starts[p] = tokens.Count;
            Tokenizer.Tokenize(text, paragraphs[p], tokens);
        }
        var tokenArray = tokens.ToArray();
        var sentences = SentenceSplitter.Split(text, tokenArray, starts, out int headerSentences).ToArray();
        return new TextDocument(text, paragraphArray, tokenArray, starts, sentences, headerSentences);
    }

    /// <summary>
    /// Wraps text that was tokenized elsewhere (an annotated corpus) without re-tokenizing it.
    /// Each sentence must lie inside one paragraph and the arrays must be in text order.
    /// </summary>
    public static TextDocument FromTokens(string text, TextSpan[] paragraphs, Token[] tokens, int[] paragraphTokenStarts, Sentence[] sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (paragraphs.Length != paragraphTokenStarts.Length)
        {
            throw new ArgumentException("One token start per paragraph is needed.", nameof(paragraphTokenStarts));
        }
        return new TextDocument(text, paragraphs, tokens, paragraphTokenStarts, sentences);
    }

    /// <summary>Analyses a plain string; paragraphs are its lines.</summary>
    public static TextDocument Analyze(string text)
    {
        var paragraphs = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                int s = start, e = i;
                while (s < e && char.IsWhiteSpace(text[s]))
                {
                    s++;
                }
                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }
                if (e > s)
                {
                    paragraphs.Add(new TextSpan(s, e));
                }
                start = i + 1;
            }
        }
        return Analyze(text, paragraphs);
    }

    /// <summary>Index of the sentence holding token <paramref name="token"/> (binary search).</summary>
    public int SentenceOfToken(int token)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (token < s.FirstToken)
            {
                hi = mid - 1;
            }
            else if (token >= s.EndToken)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }
}
