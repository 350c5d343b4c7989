using System.Text;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>One sentence of a CoNLL file: its words, its original NER tags and the gold spans they encode.</summary>
public sealed class ConllSentence
{
    public ConllSentence(string[] words, string[] tags)
    {
        Words = words;
        Tags = tags;
        var spans = new List<EntitySpan>();
        IobCodec.ReadSpans(tags, spans);
        Entities = spans.ToArray();
    }

    public string[] Words { get; }

    /// <summary>The tags as written in the file (IOB1 for CoNLL-2003).</summary>
    public string[] Tags { get; }

    /// <summary>Gold entities, token offsets within the sentence.</summary>
    public EntitySpan[] Entities { get; }
}

/// <summary>One CoNLL document (the sentences between two <c>-DOCSTART-</c> lines).</summary>
public sealed class ConllDocument
{
    public ConllDocument(IReadOnlyList<ConllSentence> sentences)
    {
        Sentences = sentences;
        int count = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            count += sentences[s].Words.Length;
        }
        TokenCount = count;
    }

    public IReadOnlyList<ConllSentence> Sentences { get; }

    public int TokenCount { get; }

    /// <summary>
    /// Builds the product's document from the corpus tokens without re-tokenizing: words joined by spaces,
    /// one sentence per line and per paragraph. The tagger therefore sees exactly what it sees in production,
    /// only with the corpus's own token boundaries.
    /// </summary>
    public TextDocument ToTextDocument()
    {
        var text = new StringBuilder(TokenCount * 7);
        var tokens = new Token[TokenCount];
        var paragraphs = new TextSpan[Sentences.Count];
        var starts = new int[Sentences.Count];
        var sentences = new Sentence[Sentences.Count];
        int t = 0;
        for (int s = 0; s < Sentences.Count; s++)
        {
            if (s > 0)
            {
                text.Append('\n');
            }
            int sentenceStart = text.Length;
            int firstToken = t;
            var words = Sentences[s].Words;
            for (int w = 0; w < words.Length; w++)
            {
                if (w > 0)
                {
                    text.Append(' ');
                }
                tokens[t++] = new Token(text.Length, words[w].Length, KindOf(words[w]));
                text.Append(words[w]);
            }
            paragraphs[s] = new TextSpan(sentenceStart, text.Length);
            starts[s] = firstToken;
            sentences[s] = new Sentence(sentenceStart, text.Length, firstToken, words.Length, s);
        }
        return TextDocument.FromTokens(text.ToString(), paragraphs, tokens, starts, sentences);
    }

    /// <summary>Gold entities with document-level token offsets.</summary>
    public List<EntitySpan> DocumentEntities()
    {
        var spans = new List<EntitySpan>();
        int offset = 0;
        foreach (var sentence in Sentences)
        {
            foreach (var span in sentence.Entities)
            {
                spans.Add(span with { Start = span.Start + offset });
            }
            offset += sentence.Words.Length;
        }
        return spans;
    }

    private static TokenKind KindOf(string word)
    {
        char c = word.Length > 0 ? word[0] : ' ';
        if (char.IsDigit(c))
        {
            return TokenKind.Number;
        }
        if (char.IsLetter(c))
        {
            return TokenKind.Word;
        }
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }
}
