using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>A phrase's identity: the stem ids of its words (at most four), compared without building a string.</summary>
internal readonly record struct PhraseKey(int W0, int W1, int W2, int W3, int Length)
{
    public static PhraseKey Of(ReadOnlySpan<int> stems) => new(
        stems.Length > 0 ? stems[0] : 0, stems.Length > 1 ? stems[1] : 0, stems.Length > 2 ? stems[2] : 0,
        stems.Length > 3 ? stems[3] : 0, stems.Length);
}

/// <summary>
/// One way an article writes a phrase: where it first did (its words are consecutive tokens), whether it is shown
/// as written (a name) or in lower case, and how often.
/// </summary>
internal record struct PhraseSpelling(int FirstToken, int Words, bool AsWritten, int Count);

/// <summary>
/// Everything counted about one candidate phrase (words compared by stem). Instances are reused from document to
/// document by <see cref="PhraseTable"/>, so a spelling is kept as a place in the text, and a string is made only
/// for the phrases that are shown.
/// </summary>
internal sealed class PhraseStats
{
    private readonly int[] _stems = new int[PhraseCandidates.MaxPhraseWords];
    private int _length;

    /// <summary>Stem ids of the words, in order.</summary>
    public ReadOnlySpan<int> Stems => _stems.AsSpan(0, _length);

    /// <summary>A capitalized name run in cased text, rather than a lower-case noun phrase.</summary>
    public bool Proper { get; private set; }

    public int Count { get; set; }

    public int FirstSentence { get; set; }

    /// <summary>Spellings seen, in the order first seen, with counts; the most frequent is shown.</summary>
    public List<PhraseSpelling> Spellings { get; } = new(2);

    public void Reset(ReadOnlySpan<int> stems, bool proper)
    {
        stems.CopyTo(_stems);
        _length = stems.Length;
        Proper = proper;
        Count = 0;
        FirstSentence = int.MaxValue;
        Spellings.Clear();
    }

    /// <summary>
    /// Counts one more occurrence: tokens <c>[firstToken, firstToken + words)</c> of <paramref name="document"/>, as
    /// written when it is a name (<paramref name="asWritten"/>), else in lower case.
    /// </summary>
    public void AddSpelling(TextDocument document, int firstToken, int words, bool asWritten)
    {
        var added = new PhraseSpelling(firstToken, words, asWritten, 1);
        for (int i = 0; i < Spellings.Count; i++)
        {
            var spelling = Spellings[i];
            if (spelling.Words == words && SameSpelling(document, spelling, added))
            {
                Spellings[i] = spelling with { Count = spelling.Count + 1 };
                return;
            }
        }
        Spellings.Add(added);
    }

    /// <summary>The most frequent spelling (the first seen of equals).</summary>
    public string Text(TextDocument document)
    {
        var best = Spellings[0];
        foreach (var spelling in Spellings)
        {
            if (spelling.Count > best.Count)
            {
                best = spelling;
            }
        }
        var builder = new System.Text.StringBuilder(best.Words * 8);
        for (int i = 0; i < best.Words; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }
            var word = Word(document, best.FirstToken + i);
            if (best.AsWritten)
            {
                builder.Append(word);
            }
            else
            {
                foreach (char c in word)
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
        }
        return builder.ToString();
    }

    /// <summary>A word as a spelling shows it: cut at 31 characters.</summary>
    private static ReadOnlySpan<char> Word(TextDocument document, int token)
    {
        var surface = document[document.Tokens[token]];
        return surface[..Math.Min(surface.Length, 31)];
    }

    /// <summary>Whether two spellings show the same text (each as written or in lower case).</summary>
    private static bool SameSpelling(TextDocument document, PhraseSpelling a, PhraseSpelling b)
    {
        for (int i = 0; i < a.Words; i++)
        {
            var x = Word(document, a.FirstToken + i);
            var y = Word(document, b.FirstToken + i);
            if (x.Length != y.Length)
            {
                return false;
            }
            for (int c = 0; c < x.Length; c++)
            {
                char p = a.AsWritten ? x[c] : char.ToLowerInvariant(x[c]);
                char q = b.AsWritten ? y[c] : char.ToLowerInvariant(y[c]);
                if (p != q)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
