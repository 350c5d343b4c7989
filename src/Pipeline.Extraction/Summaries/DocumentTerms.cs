using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// The words of each sentence of a document, normalized so that raw, tokenized and lower-cased copies of the
/// same text look the same: lower case, letters and digits only (<c>U.S.</c> = <c>u.s.</c> = <c>us</c>), stemmed,
/// with stopwords kept out of the content terms. Term ids are local to the document (0..<see cref="TermCount"/>).
/// </summary>
internal sealed class DocumentTerms
{
    private DocumentTerms(int[][] content, int[] words, int[] quoteWords, bool[] quoteMarks, int termCount, int[] termTotal, int[] termSentences)
    {
        var scratch = new int[termCount];
        Vectors = new SparseVector[content.Length];
        for (int s = 0; s < content.Length; s++)
        {
            Vectors[s] = SparseVector.From(content[s], scratch);
        }
        HasQuoteMark = quoteMarks;
        FirstPerson = new bool[content.Length];
        SecondPerson = new bool[content.Length];
        Content = content;
        Words = words;
        QuotedWords = quoteWords;
        TermCount = termCount;
        TermTotal = termTotal;
        TermSentences = termSentences;
    }

    /// <summary>Per sentence, its content terms in order (repeats kept).</summary>
    public int[][] Content { get; }

    /// <summary>Per sentence, its content terms as a bag, for similarities.</summary>
    public SparseVector[] Vectors { get; }

    /// <summary>Per sentence, how many words (letters or digits) it has, stopwords included.</summary>
    public int[] Words { get; }

    /// <summary>Per sentence, how many of its words stand inside quotation marks.</summary>
    public int[] QuotedWords { get; }

    /// <summary>Per sentence, whether a quotation opens or closes in it.</summary>
    public bool[] HasQuoteMark { get; }

    /// <summary>Per sentence, whether it says I/we/my/our/me outside quotation marks (a column, not a report).</summary>
    public bool[] FirstPerson { get; }

    /// <summary>Per sentence, whether it addresses the reader (you/your) outside quotation marks.</summary>
    public bool[] SecondPerson { get; }

    public int TermCount { get; }

    /// <summary>Per term, its occurrences in the document.</summary>
    public int[] TermTotal { get; }

    /// <summary>Per term, how many sentences hold it.</summary>
    public int[] TermSentences { get; }

    /// <summary>Normalizes the first <paramref name="sentenceCount"/> sentences of <paramref name="document"/>.</summary>
    public static DocumentTerms Build(TextDocument document, int sentenceCount)
    {
        var sentences = document.Sentences;
        var text = document.Text;
        var tokens = document.Tokens;
        var termIds = document.TermIds;
        var local = new Dictionary<int, int>(256);
        var content = new int[sentenceCount][];
        var words = new int[sentenceCount];
        var quoted = new int[sentenceCount];
        var marks = new bool[sentenceCount];
        var firstPerson = new bool[sentenceCount];
        var secondPerson = new bool[sentenceCount];
        var quotes = new QuoteTracker();
        var buffer = new List<int>(64);
        Span<char> lower = stackalloc char[TermVocabulary.MaxSurfaceLength];
        int paragraph = -1;
        for (int s = 0; s < sentenceCount; s++)
        {
            var sentence = sentences[s];
            if (sentence.Paragraph != paragraph)
            {
                paragraph = sentence.Paragraph;
                quotes.Reset();
            }
            buffer.Clear();
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var token = tokens[t];
                var surface = token.Slice(text);
                if (token.Kind == TokenKind.Punctuation)
                {
                    bool before = quotes.IsOpen;
                    quotes.Observe(text, tokens, t);
                    marks[s] |= before != quotes.IsOpen;
                    continue;
                }
                if (token.Kind is not (TokenKind.Word or TokenKind.Number))
                {
                    continue;
                }
                int length = TermVocabulary.Normalize(surface, lower);
                if (length == 0)
                {
                    continue;
                }
                words[s]++;
                if (quotes.IsOpen)
                {
                    quoted[s]++;
                }
                var word = lower[..length];
                if (!quotes.IsOpen)
                {
                    firstPerson[s] |= word is "i" or "we" or "my" or "our" or "me";
                    secondPerson[s] |= word is "you" or "your";
                }
                if (length < 2 || Stopwords.Contains(word))
                {
                    continue;
                }
                int global = termIds[t]; // the stem id of this same normalized word
                if (!local.TryGetValue(global, out int id))
                {
                    id = local.Count;
                    local.Add(global, id);
                }
                buffer.Add(id);
            }
            content[s] = [.. buffer];
        }

        int termCount = local.Count;
        var total = new int[termCount];
        var inSentences = new int[termCount];
        var lastSeen = new int[termCount];
        Array.Fill(lastSeen, -1);
        for (int s = 0; s < sentenceCount; s++)
        {
            foreach (int id in content[s])
            {
                total[id]++;
                if (lastSeen[id] != s)
                {
                    lastSeen[id] = s;
                    inSentences[id]++;
                }
            }
        }
        var result = new DocumentTerms(content, words, quoted, marks, termCount, total, inSentences);
        firstPerson.CopyTo(result.FirstPerson, 0);
        secondPerson.CopyTo(result.SecondPerson, 0);
        return result;
    }
}
