using System.Runtime.CompilerServices;
using static Pipeline.Entities.Tagging.FeatureTemplates;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// What the tagger's features read from one word form, worked out once: its hashes, capitalization and lexicon
/// entries, the summed scores of the local features that depend on this word alone (its text, lower case, shape,
/// affixes and clusters; and the same word seen as the previous or next token), and the rows of the features that
/// pair it with the neighbouring token's capitalization. The keys are exactly those of <see cref="FeatureExtractor.Local"/>.
/// Immutable once built, so entries are shared between threads through <see cref="WordCache"/>.
/// </summary>
internal sealed class WordEntry
{
    private const int W = ScoreAccumulator.Width;
    private const int Caps = PerceptronTaggerModel.CapStates;

    /// <summary>Offsets into <see cref="Scores"/>: summed scores (<see cref="ScoreAccumulator.Width"/> each) ...</summary>
    public const int Self = 0, AsPrevious = W, AsNext = 2 * W;

    /// <summary>... then single rows: this word two before or after the token, with the token's cap, and as a sentence start.</summary>
    public const int TwoBeforeRow = 3 * W, TwoAfterRow = TwoBeforeRow + 1, PreviousWordCapRows = TwoAfterRow + 1,
        CapNextWordRows = PreviousWordCapRows + Caps, SentenceStartRow = CapNextWordRows + Caps, Size = SentenceStartRow + 1;

    private WordEntry(string text, ulong hash, ulong lower, ulong shortShape, CapState cap, int[] scores)
    {
        Text = text;
        Hash = hash;
        Lower = lower;
        ShortShape = shortShape;
        Cap = cap;
        Scores = scores;
    }

    public string Text { get; }

    /// <summary><see cref="FeatureHash.Chars"/> of the text.</summary>
    public ulong Hash { get; }

    public ulong Lower { get; }

    public ulong Stem { get; private init; }

    public ulong ShortShape { get; }

    public CapState Cap { get; }

    /// <summary>Case-profile bucket, as <see cref="FeatureExtractor.PrepareSentence"/> truncates it.</summary>
    public byte CaseBucket { get; private init; }

    /// <summary>The gazetteer's value for the one-token phrase of this word, or -1 (see <see cref="Gazetteer.Match(ReadOnlySpan{ulong}, ReadOnlySpan{int}, Span{ushort})"/>).</summary>
    public int GazetteerStart { get; private init; }

    /// <summary>As <see cref="GazetteerStart"/>, in the name lists.</summary>
    public int NameListStart { get; private init; }

    /// <summary>Key of the document-case counter of this word.</summary>
    public ulong DocumentCaseKey { get; private init; }

    /// <summary>Scores and rows at the offsets above; never written after construction.</summary>
    public int[] Scores { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WordEntry Create(ReadOnlySpan<char> word, ulong hash, FeatureRows rows, PerceptronTaggerModel model)
    {
        ulong lower = FeatureHash.LowerChars(word);
        WordShape.Hashes(word, out ulong shape, out ulong shortShape);
        int clusters = model.Clusters.Lookup(lower);
        var scores = new int[Size];
        Span<int> found = stackalloc int[16];

        int n = 0;
        found[n++] = rows.Row(FeatureHash.Key(Word, hash));
        found[n++] = rows.Row(FeatureHash.Key(LowerAt, 2, lower));
        found[n++] = rows.Row(FeatureHash.Key(ShapeAt, 1, shape));
        found[n++] = rows.Row(FeatureHash.Key(FeatureTemplates.ShortShape, shortShape));
        for (int k = 1; k <= 4 && k < word.Length; k++)
        {
            found[n++] = rows.Row(FeatureHash.Key(Prefix, (ulong)k, FeatureHash.LowerChars(word[..k])));
            found[n++] = rows.Row(FeatureHash.Key(Suffix, (ulong)k, FeatureHash.LowerChars(word[^k..])));
        }
        n += ClusterRows(rows, clusters, slot: 1, found[n..]);
        rows.Sum(found[..n], scores.AsSpan(Self, W));

        n = 0;
        found[n++] = rows.Row(FeatureHash.Key(LowerAt, 1, lower));
        found[n++] = rows.Row(FeatureHash.Key(ShapeAt, 0, shape));
        n += ClusterRows(rows, clusters, slot: 0, found[n..]);
        rows.Sum(found[..n], scores.AsSpan(AsPrevious, W));

        n = 0;
        found[n++] = rows.Row(FeatureHash.Key(LowerAt, 3, lower));
        found[n++] = rows.Row(FeatureHash.Key(ShapeAt, 2, shape));
        n += ClusterRows(rows, clusters, slot: 2, found[n..]);
        rows.Sum(found[..n], scores.AsSpan(AsNext, W));

        scores[TwoBeforeRow] = rows.Row(FeatureHash.Key(LowerAt, 0, lower));
        scores[TwoAfterRow] = rows.Row(FeatureHash.Key(LowerAt, 4, lower));
        FillCapRows(rows, lower, scores);
        scores[SentenceStartRow] = rows.Row(FeatureHash.Key(SentenceStartWord, lower));

        ulong phrase = FeatureHash.Extend(FeatureHash.SequenceSeed, lower);
        return new WordEntry(word.ToString(), hash, lower, shortShape, WordShape.Capitalization(word), scores)
        {
            Stem = WordShape.StemHash(word),
            CaseBucket = (byte)model.CaseProfile.Bucket(lower),
            GazetteerStart = OneTokenEntry(model.Gazetteer, phrase),
            NameListStart = OneTokenEntry(model.NameLists, phrase),
            DocumentCaseKey = FeatureHash.Key(DocumentCase, lower),
        };
    }

    /// <summary>
    /// Stands for the positions before (<paramref name="left"/>) or after a sentence: the boundary hash as the word, the
    /// boundary shape and capitalization, and no clusters, as <see cref="FeatureExtractor.Local"/> pads the window.
    /// </summary>
    public static WordEntry Boundary(bool left, FeatureRows rows)
    {
        ulong boundary = FeatureHash.Chars(left ? "<S>" : "</S>");
        var scores = new int[Size];
        Span<int> found = stackalloc int[2];
        if (left)
        {
            found[0] = rows.Row(FeatureHash.Key(LowerAt, 1, boundary));
            found[1] = rows.Row(FeatureHash.Key(ShapeAt, 0, boundary));
            rows.Sum(found, scores.AsSpan(AsPrevious, W));
            scores[TwoBeforeRow] = rows.Row(FeatureHash.Key(LowerAt, 0, boundary));
            scores[TwoAfterRow] = -1;
        }
        else
        {
            found[0] = rows.Row(FeatureHash.Key(LowerAt, 3, boundary));
            found[1] = rows.Row(FeatureHash.Key(ShapeAt, 2, boundary));
            rows.Sum(found, scores.AsSpan(AsNext, W));
            scores[TwoAfterRow] = rows.Row(FeatureHash.Key(LowerAt, 4, boundary));
            scores[TwoBeforeRow] = -1;
        }
        FillCapRows(rows, boundary, scores);
        scores[SentenceStartRow] = -1;
        return new WordEntry(left ? "<S>" : "</S>", boundary, boundary, boundary, CapState.Boundary, scores) { GazetteerStart = -1, NameListStart = -1 };
    }

    private static int OneTokenEntry(Gazetteer gazetteer, ulong phrase) =>
        gazetteer.Entries.Count > 0 && gazetteer.Entries.TryGet(phrase, out int value) ? value : -1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillCapRows(FeatureRows rows, ulong lower, int[] scores)
    {
        for (int cap = 0; cap < Caps; cap++)
        {
            scores[PreviousWordCapRows + cap] = rows.Row(FeatureHash.Key(PreviousWordCap, lower, (ulong)cap));
            scores[CapNextWordRows + cap] = rows.Row(FeatureHash.Key(CapNextWord, (ulong)cap, lower));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ClusterRows(FeatureRows rows, int clusters, int slot, Span<int> found)
    {
        if (clusters < 0)
        {
            return 0;
        }
        int n = 0;
        for (int level = 0; level < WordClusters.Granularities.Length; level++)
        {
            found[n++] = rows.Row(FeatureHash.Key(ClusterAt, (ulong)slot * 4 + (ulong)level, (ulong)WordClusters.ClassAt(clusters, level)));
        }
        return n;
    }
}

/// <summary>
/// Word forms → <see cref="WordEntry"/>, shared by every thread of one tagger: a two-way set-associative table of
/// immutable entries, published with volatile writes, so readers need no lock (a reader sees a whole entry or another
/// one, and checks the text). A new form takes the first slot of its set and moves the one there to the second, so a
/// frequent word survives a rare one that shares its set; a form that fell out is built again when it comes back.
/// Very long tokens are never kept. The table is bounded, so an endless stream of new words cannot grow it.
/// </summary>
internal sealed class WordCache(FeatureRows rows, PerceptronTaggerModel model)
{
    public const int Slots = 1 << SlotBits;
    private const int SlotBits = 16;
    public const int MaxCachedLength = 48;

    private readonly WordEntry?[] _slots = new WordEntry?[Slots];

    public WordEntry Left { get; } = WordEntry.Boundary(left: true, rows);

    public WordEntry Right { get; } = WordEntry.Boundary(left: false, rows);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public WordEntry Get(ReadOnlySpan<char> word)
    {
        ulong hash = FeatureHash.Chars(word);
        int set = (int)(FeatureHash.Mix(hash) >> (64 - SlotBits + 1)) * 2; // Slots / 2 sets of two
        var slots = _slots;
        var first = Volatile.Read(ref slots[set]);
        if (first is not null && first.Hash == hash && word.SequenceEqual(first.Text))
        {
            return first;
        }
        var second = Volatile.Read(ref slots[set + 1]);
        if (second is not null && second.Hash == hash && word.SequenceEqual(second.Text))
        {
            return second;
        }
        var entry = WordEntry.Create(word, hash, rows, model);
        if (word.Length <= MaxCachedLength)
        {
            if (first is not null)
            {
                Volatile.Write(ref slots[set + 1], first);
            }
            Volatile.Write(ref slots[set], entry);
        }
        return entry;
    }
}
