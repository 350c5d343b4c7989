using System.Collections.Concurrent;
using Pipeline.Text;

namespace Pipeline.Evaluation.Summaries;

/// <summary>Precision, recall and F1 of one ROUGE variant, each 0..1.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static readonly RougeScore Zero = new(0, 0, 0);

    public static RougeScore From(int hits, int predicted, int reference)
    {
        double p = hits / (double)Math.Max(predicted, 1);
        double r = hits / (double)Math.Max(reference, 1);
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-Lsum of one prediction against one reference.</summary>
public readonly record struct RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeLsum);

/// <summary>
/// ROUGE as Google's <c>rouge-score</c> computes it with <c>use_stemmer=True</c> (which replicates ROUGE-1.5.5
/// with <c>-m</c>): lower-case; tokens are runs of <c>[a-z0-9]</c>; tokens longer than 3 letters Porter-stemmed
/// (NLTK variant); ROUGE-N from clipped n-gram counts; ROUGE-Lsum as the summary-level union LCS over sentences
/// separated by <c>\n</c>, with each token counted at most as often as it occurs on both sides.
/// Thread-safe: stems are cached in a concurrent dictionary.
/// </summary>
public sealed class RougeScorer
{
    /// <summary>Tokens of at most this many characters are left unstemmed, as in rouge-score.</summary>
    private const int MaxUnstemmedLength = 3;

    private readonly PorterStemmer? stemmer;

    /// <summary>Stem -> id: equal ids are equal tokens after stemming.</summary>
    private readonly ConcurrentDictionary<string, int> stemIds = new(StringComparer.Ordinal);

    /// <summary>Surface token -> id of its stem, so each word is stemmed once.</summary>
    private readonly ConcurrentDictionary<string, int> tokenIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> tokenLookup;
    private int nextId;

    public RougeScorer(bool useStemmer = true)
    {
        stemmer = useStemmer ? PorterStemmer.Default : null;
        tokenLookup = tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Scores <paramref name="prediction"/> against <paramref name="reference"/>; sentences are separated by newlines.</summary>
    public RougeScores Score(string reference, string prediction)
    {
        var refLines = TokenizeLines(reference);
        var predLines = TokenizeLines(prediction);
        var refAll = Concat(refLines);
        var predAll = Concat(predLines);
        return new RougeScores(NGrams(refAll, predAll, 1), NGrams(refAll, predAll, 2), Lsum(refLines, predLines));
    }

    /// <summary>Token ids of <paramref name="text"/>: lower-cased alphanumeric runs, stemmed when longer than 3.</summary>
    public int[] Tokenize(ReadOnlySpan<char> text)
    {
        var output = new List<int>(text.Length / 5 + 1);
        Span<char> buffer = stackalloc char[64];
        int i = 0;
        while (i < text.Length)
        {
            if (!IsRougeChar(text[i], out _))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && IsRougeChar(text[i], out _))
            {
                i++;
            }
            int length = i - start;
            var lower = length <= buffer.Length ? buffer[..length] : new char[length];
            for (int k = 0; k < length; k++)
            {
                IsRougeChar(text[start + k], out lower[k]);
            }
            output.Add(Id(lower));
        }
        return [.. output];
    }

    /// <summary>The id of a lower-case token, stemmed on first sight.</summary>
    private int Id(ReadOnlySpan<char> token)
    {
        if (tokenLookup.TryGetValue(token, out int id))
        {
            return id;
        }
        var surface = token.ToString();
        id = stemIds.GetOrAdd(Stem(surface), _ => Interlocked.Increment(ref nextId));
        tokenIds.TryAdd(surface, id);
        return id;
    }

    private string Stem(string token) =>
        stemmer is not null && token.Length > MaxUnstemmedLength ? stemmer.Stem(token) : token;

    /// <summary>rouge-score lower-cases, then keeps only a-z and 0-9; capitals become their lower case.</summary>
    private static bool IsRougeChar(char c, out char lower)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
        {
            lower = c;
            return true;
        }
        if (c is >= 'A' and <= 'Z')
        {
            lower = (char)(c + 32);
            return true;
        }
        lower = c;
        return false;
    }

    /// <summary>Lines as rouge-score's rougeLsum sees them: split on \n, empty lines dropped.</summary>
    public List<int[]> TokenizeLines(string text)
    {
        var lines = new List<int[]>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i > start)
                {
                    lines.Add(Tokenize(text.AsSpan(start, i - start)));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static int[] Concat(List<int[]> lines)
    {
        int n = 0;
        foreach (var line in lines)
        {
            n += line.Length;
        }
        var all = new int[n];
        int at = 0;
        foreach (var line in lines)
        {
            line.CopyTo(all, at);
            at += line.Length;
        }
        return all;
    }

    /// <summary>ROUGE-N from clipped n-gram counts.</summary>
    public static RougeScore NGrams(int[] reference, int[] prediction, int n)
    {
        int refCount = Math.Max(0, reference.Length - n + 1);
        int predCount = Math.Max(0, prediction.Length - n + 1);
        if (refCount == 0 || predCount == 0)
        {
            return RougeScore.From(0, predCount, refCount);
        }
        var counts = new Dictionary<long, int>(refCount);
        for (int i = 0; i < refCount; i++)
        {
            long key = Key(reference, i, n);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        int hits = 0;
        for (int i = 0; i < predCount; i++)
        {
            long key = Key(prediction, i, n);
            if (counts.TryGetValue(key, out int left) && left > 0)
            {
                counts[key] = left - 1;
                hits++;
            }
        }
        return RougeScore.From(hits, predCount, refCount);
    }

    /// <summary>An n-gram of ids as one key; ids are below 2^31 and n is 1 or 2 in practice (larger n hash).</summary>
    private static long Key(int[] tokens, int i, int n) => n switch
    {
        1 => tokens[i],
        2 => ((long)tokens[i] << 32) | (uint)tokens[i + 1],
        _ => HashCode.Combine(tokens[i], tokens[i + 1], tokens[i + 2], n > 3 ? Key(tokens, i + 3, n - 3) : 0),
    };

    /// <summary>Summary-level ROUGE-L (ROUGE-Lsum) with rouge-score's union LCS and double-count guard.</summary>
    public static RougeScore Lsum(List<int[]> reference, List<int[]> prediction)
    {
        int m = 0, n = 0;
        foreach (var r in reference)
        {
            m += r.Length;
        }
        foreach (var c in prediction)
        {
            n += c.Length;
        }
        if (reference.Count == 0 || prediction.Count == 0 || m == 0 || n == 0)
        {
            return RougeScore.Zero;
        }
        var refLeft = new Dictionary<int, int>();
        var predLeft = new Dictionary<int, int>();
        foreach (var r in reference)
        {
            foreach (int t in r)
            {
                refLeft[t] = refLeft.GetValueOrDefault(t) + 1;
            }
        }
        foreach (var c in prediction)
        {
            foreach (int t in c)
            {
                predLeft[t] = predLeft.GetValueOrDefault(t) + 1;
            }
        }
        int hits = 0;
        var union = new SortedSet<int>();
        foreach (var r in reference)
        {
            union.Clear();
            foreach (var c in prediction)
            {
                Lcs.AddIndices(r, c, union);
            }
            foreach (int index in union)
            {
                int t = r[index];
                if (predLeft.GetValueOrDefault(t) > 0 && refLeft.GetValueOrDefault(t) > 0)
                {
                    hits++;
                    predLeft[t]--;
                    refLeft[t]--;
                }
            }
        }
        return RougeScore.From(hits, n, m);
    }
}
