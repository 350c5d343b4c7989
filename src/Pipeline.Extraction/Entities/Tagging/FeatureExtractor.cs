using System.Runtime.CompilerServices;
using Pipeline.Text;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Turns tokens into hashed feature keys: the local templates (word, window, shape, affixes, capitalization in
/// context, clusters, gazetteer, case lexicons) here, the second pass's document templates in
/// <see cref="DocumentFeatures"/>. Immutable after construction and therefore thread-safe; all working memory is
/// in the caller's <see cref="DocumentState"/>. Training and tagging call the same methods, so the features a
/// model was trained on are exactly the ones it sees.
/// </summary>
internal sealed class FeatureExtractor
{
    private static readonly ulong BoundaryLeft = FeatureHash.Chars("<S>");
    private static readonly ulong BoundaryRight = FeatureHash.Chars("</S>");

    private readonly Gazetteer _gazetteer;
    private readonly Gazetteer _nameLists;
    private readonly WordClusters _clusters;
    private readonly CaseProfile _caseProfile;

    public FeatureExtractor(Gazetteer gazetteer, Gazetteer nameLists, WordClusters clusters, CaseProfile caseProfile)
    {
        _gazetteer = gazetteer;
        _nameLists = nameLists;
        _clusters = clusters;
        _caseProfile = caseProfile;
    }

    /// <summary>Document pre-pass: token hashes and capitalization, and which words the document writes in lower case.</summary>
    public static void PrepareDocument(TextDocument document, DocumentState state)
    {
        var tokens = document.Tokens;
        state.EnsureTokens(tokens.Length);
        for (int t = 0; t < tokens.Length; t++)
        {
            var word = Slice(document, tokens[t]);
            state.Lower[t] = FeatureHash.LowerChars(word);
            state.Stem[t] = WordShape.StemHash(word);
            state.Caps[t] = WordShape.Capitalization(word);
        }
        CountDocumentCase(document, state, entries: null);
    }

    /// <summary>
    /// Resets the document counts and counts, per word, its lower-case and mid-sentence capital uses (from
    /// <see cref="DocumentState.Caps"/> and <see cref="DocumentState.Lower"/>, or the entries' keys when given).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CountDocumentCase(TextDocument document, DocumentState state, WordEntry[]? entries)
    {
        int n = document.Tokens.Length;
        state.Counts.Reset(n);
        foreach (var sentence in document.Sentences)
        {
            if (!Bounds(sentence, n, out int first, out int end))
            {
                continue;
            }
            var sentenceCase = WordShape.Classify(state.Caps.AsSpan(first, end - first));
            for (int t = first + 1; t < end; t++)
            {
                int column = DocumentCaseColumn(document, state, t, sentenceCase);
                if (column >= 0)
                {
                    state.Counts.Add(entries is null ? FeatureHash.Key(DocumentCase, state.Lower[t]) : entries[t].DocumentCaseKey, column);
                }
            }
        }
    }

    /// <summary>
    /// The token's text, or empty when the token lies outside the text: <see cref="TextDocument.FromTokens"/> does not
    /// validate, and the tagger must not throw on any document.
    /// </summary>
    public static ReadOnlySpan<char> Slice(TextDocument document, Token token) =>
        (uint)token.Start <= (uint)document.Text.Length && (uint)token.Length <= (uint)(document.Text.Length - token.Start)
            ? document.Text.AsSpan(token.Start, token.Length)
            : default;

    /// <summary>Clamps a sentence to the document; false when nothing of it is left.</summary>
    public static bool Bounds(Sentence sentence, int tokenCount, out int first, out int end)
    {
        first = Math.Clamp(sentence.FirstToken, 0, tokenCount);
        end = Math.Clamp(sentence.FirstToken + Math.Max(sentence.TokenCount, 0), first, tokenCount);
        return end > first;
    }

    /// <summary>Fills <see cref="DocumentState.Sentence"/> for tokens <c>[first, end)</c> and returns the sentence's case.</summary>
    public SentenceCase PrepareSentence(TextDocument document, int first, int end, DocumentState state)
    {
        int count = end - first;
        state.EnsureSentence(count);
        var infos = state.Sentence;
        var sentenceCase = WordShape.Classify(state.Caps.AsSpan(first, count));
        for (int k = 0; k < count; k++)
        {
            int t = first + k;
            var token = document.Tokens[t];
            var word = Slice(document, token);
            ref var info = ref infos[k];
            info.Word = FeatureHash.Chars(word);
            info.Lower = state.Lower[t];
            WordShape.Hashes(word, out info.Shape, out info.ShortShape);
            info.Start = word.IsEmpty ? 0 : token.Start; // Slice may have emptied a token outside the text
            info.Length = word.Length;
            info.Cap = state.Caps[t];
            info.CaseBucket = (byte)_caseProfile.Bucket(info.Lower);
            info.Clusters = _clusters.Lookup(info.Lower);
            // A sentence's first token never fed the document counts (see PrepareDocument); AllCaps says so.
            info.DocumentCase = DocumentCaseFlags(document, state, t, k == 0 ? SentenceCase.AllCaps : sentenceCase);
            state.SentenceLower[k] = info.Lower;
        }
        _gazetteer.Match(state.SentenceLower.AsSpan(0, count), state.SentenceGazetteer.AsSpan(0, count));
        _nameLists.Match(state.SentenceLower.AsSpan(0, count), state.SentenceNameLists.AsSpan(0, count));
        for (int k = 0; k < count; k++)
        {
            infos[k].Gazetteer = state.SentenceGazetteer[k];
            infos[k].NameLists = state.SentenceNameLists[k];
        }
        return sentenceCase;
    }

    /// <summary>Writes the local feature keys of token <paramref name="i"/> of the prepared sentence; returns how many.</summary>
    public static int Local(string text, ReadOnlySpan<TokenInfo> sentence, SentenceCase sentenceCase, int i, Span<ulong> keys)
    {
        int n = 0;
        ref readonly var token = ref sentence[i];
        ulong lowerM2 = LowerOf(sentence, i - 2), lowerM1 = LowerOf(sentence, i - 1);
        ulong lowerP1 = LowerOf(sentence, i + 1), lowerP2 = LowerOf(sentence, i + 2);
        var capM1 = CapAt(sentence, i - 1);
        var capP1 = CapAt(sentence, i + 1);
        ulong cap0 = (ulong)token.Cap;
        ulong first = i == 0 ? 1UL : 0UL;

        keys[n++] = FeatureHash.Key(Bias, 0);
        keys[n++] = FeatureHash.Key(Word, token.Word);
        keys[n++] = FeatureHash.Key(LowerAt, 0, lowerM2);
        keys[n++] = FeatureHash.Key(LowerAt, 1, lowerM1);
        keys[n++] = FeatureHash.Key(LowerAt, 2, token.Lower);
        keys[n++] = FeatureHash.Key(LowerAt, 3, lowerP1);
        keys[n++] = FeatureHash.Key(LowerAt, 4, lowerP2);
        keys[n++] = FeatureHash.Key(BigramLeft, lowerM1, token.Lower);
        keys[n++] = FeatureHash.Key(BigramRight, token.Lower, lowerP1);
        keys[n++] = FeatureHash.Key(ShapeAt, 0, i > 0 ? sentence[i - 1].Shape : BoundaryLeft);
        keys[n++] = FeatureHash.Key(ShapeAt, 1, token.Shape);
        keys[n++] = FeatureHash.Key(ShapeAt, 2, i + 1 < sentence.Length ? sentence[i + 1].Shape : BoundaryRight);
        keys[n++] = FeatureHash.Key(ShortShape, token.ShortShape);
        keys[n++] = FeatureHash.Key(ShapeTrigram,
            i > 0 ? sentence[i - 1].ShortShape : BoundaryLeft, token.ShortShape,
            i + 1 < sentence.Length ? sentence[i + 1].ShortShape : BoundaryRight);

        var word = text.AsSpan(token.Start, token.Length);
        for (int k = 1; k <= 4 && k < word.Length; k++)
        {
            keys[n++] = FeatureHash.Key(Prefix, (ulong)k, FeatureHash.LowerChars(word[..k]));
            keys[n++] = FeatureHash.Key(Suffix, (ulong)k, FeatureHash.LowerChars(word[^k..]));
        }

        ulong context = first * 4 + (ulong)sentenceCase;
        keys[n++] = FeatureHash.Key(CapContext, cap0, (ulong)Math.Min(i, 2), (ulong)sentenceCase);
        keys[n++] = FeatureHash.Key(CapTrigram, (ulong)capM1, cap0, (ulong)capP1);
        keys[n++] = FeatureHash.Key(FeatureTemplates.CaseProfile, token.CaseBucket, cap0, context);
        keys[n++] = FeatureHash.Key(DocumentCase, token.DocumentCase, cap0, context);
        keys[n++] = FeatureHash.Key(PreviousWordCap, lowerM1, cap0);
        keys[n++] = FeatureHash.Key(CapNextWord, cap0, lowerP1);
        if (i == 0)
        {
            keys[n++] = FeatureHash.Key(SentenceStartWord, token.Lower);
        }

        for (int offset = -1; offset <= 1; offset++)
        {
            int j = i + offset;
            if (j < 0 || j >= sentence.Length)
            {
                continue;
            }
            ref readonly var other = ref sentence[j];
            ulong slot = (ulong)(offset + 1);
            if (other.Clusters >= 0)
            {
                for (int level = 0; level < WordClusters.Granularities.Length; level++)
                {
                    keys[n++] = FeatureHash.Key(ClusterAt, slot * 4 + (ulong)level, (ulong)WordClusters.ClassAt(other.Clusters, level));
                }
            }
            n += LexiconKeys(other.Gazetteer, GazetteerAt, GazetteerCap, slot, cap0, keys[n..]);
            n += LexiconKeys(other.NameLists, NameListAt, NameListCap, slot, cap0, keys[n..]);
        }
        return n;
    }

    /// <summary>
    /// The keys of one gazetteer match (<see cref="Gazetteer.Match(ReadOnlySpan{ulong}, Span{ushort})"/>) of the token at
    /// <paramref name="slot"/> (0..2 for offsets -1..+1); the token itself also pairs the match with its capitalization.
    /// </summary>
    private static int LexiconKeys(ushort positions, int atTemplate, int capTemplate, ulong slot, ulong cap0, Span<ulong> keys)
    {
        int n = 0;
        for (int type = 0; positions != 0 && type < BilouLabels.TypeCount; type++)
        {
            int position = Gazetteer.PositionOf(positions, type);
            if (position == 0)
            {
                continue;
            }
            ulong value = (ulong)(type * 8 + position);
            keys[n++] = FeatureHash.Key(atTemplate, slot, value);
            if (slot == 1)
            {
                keys[n++] = FeatureHash.Key(capTemplate, value, cap0);
            }
        }
        return n;
    }

    private static ulong LowerOf(ReadOnlySpan<TokenInfo> sentence, int j) =>
        j < 0 ? BoundaryLeft : j >= sentence.Length ? BoundaryRight : sentence[j].Lower;

    private static CapState CapAt(ReadOnlySpan<TokenInfo> sentence, int j) =>
        j < 0 || j >= sentence.Length ? CapState.Boundary : sentence[j].Cap;

    /// <summary>
    /// Which document-case counter token <paramref name="t"/> feeds: 0 for a lower-case use, 1 for a capital in mid
    /// sentence, -1 for neither (sentence start, headline, after a quote).
    /// </summary>
    private static int DocumentCaseColumn(TextDocument document, DocumentState state, int t, SentenceCase sentenceCase)
    {
        if (sentenceCase is SentenceCase.AllCaps or SentenceCase.TitleCase)
        {
            return -1;
        }
        var cap = state.Caps[t];
        if (cap == CapState.Lower)
        {
            return 0;
        }
        var previous = document.Tokens[t - 1];
        return cap == CapState.InitialCap && WordShape.IsMidSentenceAfter(Slice(document, previous), previous.Kind) ? 1 : -1;
    }

    /// <summary>Bit 0: the word is written in lower case elsewhere in the document; bit 1: capitalized mid-sentence elsewhere.</summary>
    private static byte DocumentCaseFlags(TextDocument document, DocumentState state, int t, SentenceCase sentenceCase) =>
        DocumentCaseFlags(document, state, t, sentenceCase, FeatureHash.Key(DocumentCase, state.Lower[t]));

    /// <summary>As above, with the token's document-case key (<see cref="WordEntry.DocumentCaseKey"/>) given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte DocumentCaseFlags(TextDocument document, DocumentState state, int t, SentenceCase sentenceCase, ulong key)
    {
        var counts = state.Counts.Get(key);
        if (counts.IsEmpty)
        {
            return 0;
        }
        int lower = counts[0], capital = counts[1];
        int own = sentenceCase == SentenceCase.AllCaps ? -1 : DocumentCaseColumn(document, state, t, sentenceCase);
        if (own == 0)
        {
            lower--;
        }
        else if (own == 1)
        {
            capital--;
        }
        return (byte)((lower > 0 ? 1 : 0) | (capital > 0 ? 2 : 0));
    }
}
