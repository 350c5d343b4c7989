using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>Where a token stands with respect to quotation marks.</summary>
internal enum MarkState : byte
{
    Outside,
    Inside,
    Opening,
    Closing,
}

/// <summary>
/// What every quote feature reads about a document's tokens, computed once: the lower-cased word's hash, its
/// <see cref="WordClass"/>, its shape, the entity it is part of, its quotation-mark state, and per sentence whether
/// it speaks in the first or second person. Arrays are reused between documents of one thread.
/// </summary>
internal sealed class AttributionText
{
    /// <summary>Hash standing for the words before a paragraph's first token and after its last.</summary>
    public const ulong Edge = 0x2545F4914F6CDD1DUL;

    public TextDocument Document { get; private set; } = null!;
    public EntityExtraction Entities { get; private set; } = EntityExtraction.Empty;
    public int Count { get; private set; }

    /// <summary>True when the text holds a double quotation mark, so quotes keep their marks.</summary>
    public bool HasDoubleMarks { get; private set; }

    public ulong[] Lower = [];

    /// <summary>
    /// The key of a word's stem (<see cref="VerbInflections.StemLength"/>: <c>endorsed</c> and <c>endorsing</c> share one),
    /// apart from every <see cref="Lower"/> hash; 0 for a token that is not a word.
    /// </summary>
    public ulong[] Stem = [];
    public WordClass[] Class = [];
    public byte[] Shape = [];

    /// <summary>0 outside an entity; else the type + 1, plus 8 on a mention's first token and 16 on its last.</summary>
    public byte[] Entity = [];
    public MarkState[] Mark = [];
    public int[] SentenceOf = [];

    /// <summary>Commas in tokens <c>[0, t)</c>, so a range's commas are a difference.</summary>
    public int[] CommasBefore = [];

    /// <summary>Opening and closing quotation marks in tokens <c>[0, t)</c>.</summary>
    public int[] OpeningBefore = [];
    public int[] ClosingBefore = [];

    /// <summary>Per sentence, outside marks: a first- or second-person word, a present or past tense, a person named; and any token in marks.</summary>
    public byte[] SentenceFlags = [];

    public const byte FirstPersonFlag = 1;
    public const byte MarksFlag = 2;
    public const byte PresentFlag = 4;
    public const byte PastFlag = 8;
    public const byte PersonFlag = 16;

    /// <summary>The flags that tell the speaker's words from narration.</summary>
    public const byte VoiceFlags = FirstPersonFlag | PresentFlag | PastFlag | PersonFlag;

    public ReadOnlySpan<char> Word(int t) => Document[Document.Tokens[t]];

    public int ParagraphOf(int t) => Document.Sentences[SentenceOf[t]].Paragraph;

    /// <summary>True when a closing mark lies in tokens <c>[from, to)</c> (clamped to the document).</summary>
    public bool ClosesIn(int from, int to) => ClosingBefore[Math.Clamp(to, 0, Count)] > ClosingBefore[Math.Clamp(from, 0, Count)];

    /// <summary>True when token <paramref name="t"/> may name a speaker: a person's or organization's name ends there, or it is a third-person pronoun.</summary>
    public bool NamesSpeaker(int t) =>
        (Entity[t] & 16) != 0 && (Entity[t] & 7) is 1 or 2 || (Class[t] & QuoteLexicon.ThirdPersonPronoun) != 0;

    /// <summary>True when an opening mark lies in tokens <c>[from, to)</c> (clamped to the document).</summary>
    public bool OpensIn(int from, int to) => OpeningBefore[Math.Clamp(to, 0, Count)] > OpeningBefore[Math.Clamp(from, 0, Count)];

    /// <summary>
    /// The loaded document's tokens and sentences grouped in other paragraphs (<see cref="NewsParagraphs"/>): nothing read
    /// per token or sentence changes, and no quotation is cut, so its marks pair as before.
    /// </summary>
    public void Reparagraph(TextDocument paragraphed)
    {
        if (paragraphed.Tokens != Document.Tokens || paragraphed.Sentences.Length != Document.Sentences.Length)
        {
            throw new ArgumentException("Only the paragraphs may differ.", nameof(paragraphed));
        }
        Document = paragraphed;
    }

    /// <summary>Fills the arrays for <paramref name="document"/>; the marked quotes are the ones <see cref="QuotationMarks"/> pairs.</summary>
    public void Load(TextDocument document, EntityExtraction entities, List<MarkedQuote> marked)
    {
        Document = document;
        Entities = entities;
        int n = document.Tokens.Length;
        Count = n;
        Ensure(n + 1, document.Sentences.Length);
        var tokens = document.Tokens;
        int commas = 0;
        for (int t = 0; t < n; t++)
        {
            var word = document[tokens[t]];
            ulong lower = FeatureHash.LowerChars(word);
            Lower[t] = lower;
            Stem[t] = tokens[t].Kind == TokenKind.Word ? StemKey(word) : 0;
            // The classes of QuoteLexicon.NotFeatures are not features: they only redirect an attribution afterwards
            // (AttributionTagger.Relayed) and bound or redirect a speaker's description (SourceResolver).
            Class[t] = tokens[t].Kind == TokenKind.Word ? QuoteLexicon.Of(lower) & ~QuoteLexicon.NotFeatures : WordClass.None;
            Shape[t] = ShapeOf(tokens[t], word);
            Entity[t] = 0;
            Mark[t] = MarkState.Outside;
            CommasBefore[t] = commas;
            if (word is ",")
            {
                commas++;
            }
        }
        CommasBefore[n] = commas;
        foreach (var mention in entities.Mentions)
        {
            byte type = (byte)((int)mention.Type + 1);
            for (int t = mention.FirstToken; t < mention.EndToken && t < n; t++)
            {
                Entity[t] = (byte)(type | (t == mention.FirstToken ? 8 : 0) | (t == mention.EndToken - 1 ? 16 : 0));
            }
        }
        HasDoubleMarks = false;
        foreach (var quote in marked)
        {
            HasDoubleMarks |= QuotationMarks.IsDoubleMark(document, quote.OpenToken);
            foreach (var (start, end) in quote.Parts)
            {
                Mark.AsSpan(start, end - start).Fill(MarkState.Inside);
                if (start > 0 && QuotationMarks.IsMark(document, start - 1))
                {
                    Mark[start - 1] = MarkState.Opening;
                }
                if (end < n && QuotationMarks.IsMark(document, end))
                {
                    Mark[end] = MarkState.Closing;
                }
            }
        }
        int opening = 0, closing = 0;
        for (int t = 0; t < n; t++)
        {
            OpeningBefore[t] = opening;
            ClosingBefore[t] = closing;
            opening += Mark[t] == MarkState.Opening ? 1 : 0;
            closing += Mark[t] == MarkState.Closing ? 1 : 0;
        }
        OpeningBefore[n] = opening;
        ClosingBefore[n] = closing;
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            byte flags = 0;
            for (int t = sentences[s].FirstToken; t < sentences[s].EndToken; t++)
            {
                SentenceOf[t] = s;
                if (Mark[t] != MarkState.Outside)
                {
                    flags |= MarksFlag;
                }
                else
                {
                    var wordClass = Class[t];
                    if ((wordClass & (WordClass.FirstPerson | WordClass.SecondPerson | WordClass.FirstOrSecondWord)) != 0)
                    {
                        flags |= FirstPersonFlag;
                    }
                    if ((wordClass & WordClass.Present) != 0)
                    {
                        flags |= PresentFlag;
                    }
                    if ((wordClass & WordClass.PastTense) != 0 || Shape[t] == 2 && IsRegularPast(Word(t)))
                    {
                        flags |= PastFlag;
                    }
                    if ((Entity[t] & 7) == (int)EntityType.Person + 1)
                    {
                        flags |= PersonFlag;
                    }
                }
            }
            SentenceFlags[s] = flags;
        }
    }

    private static ulong StemKey(ReadOnlySpan<char> word) => FeatureHash.Key(StemTemplate, FeatureHash.LowerChars(word[..VerbInflections.StemLength(word)]));

    /// <summary>Keeps stem keys apart from word hashes in one index (<see cref="AttributionModel.CueWords"/>).</summary>
    private const int StemTemplate = 7717;

    private static bool IsRegularPast(ReadOnlySpan<char> word) => word.Length > 4 && word.EndsWith("ed");

    /// <summary>0 punctuation, 1 number, 2 lower case, 3 capitalized, 4 all capitals, 5 other.</summary>
    private static byte ShapeOf(Token token, ReadOnlySpan<char> word) => token.Kind switch
    {
        TokenKind.Punctuation => 0,
        TokenKind.Number => 1,
        TokenKind.Word when CharClass.IsLower(word[0]) => 2,
        TokenKind.Word when word.Length > 1 && CharClass.IsUpper(word[0]) && CharClass.IsUpper(word[^1]) => 4,
        TokenKind.Word when CharClass.IsUpper(word[0]) => 3,
        _ => 5,
    };

    private void Ensure(int tokens, int sentences)
    {
        if (Lower.Length < tokens)
        {
            int size = Math.Max(tokens, Lower.Length * 2);
            Lower = new ulong[size];
            Stem = new ulong[size];
            Class = new WordClass[size];
            Shape = new byte[size];
            Entity = new byte[size];
            Mark = new MarkState[size];
            SentenceOf = new int[size];
            CommasBefore = new int[size];
            OpeningBefore = new int[size];
            ClosingBefore = new int[size];
        }
        if (SentenceFlags.Length < sentences)
        {
            SentenceFlags = new byte[Math.Max(sentences, SentenceFlags.Length * 2)];
        }
    }

    /// <summary>Arrays above this many tokens are not kept for the thread's next document.</summary>
    public const int RetainLimit = 1 << 16;

    public int Capacity => Lower.Length;
}
