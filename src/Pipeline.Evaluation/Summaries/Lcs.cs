namespace Pipeline.Evaluation.Summaries;

/// <summary>Longest common subsequence of token-id sequences, read out exactly as rouge-score does.</summary>
internal static class Lcs
{
    /// <summary>Length of the LCS of <paramref name="a"/> and <paramref name="b"/> (two rows of the table).</summary>
    public static int Length(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// Adds to <paramref name="indices"/> the positions in <paramref name="reference"/> of one LCS with
    /// <paramref name="candidate"/>. Ties are broken as rouge-score's <c>_backtrack_norec</c> breaks them, which
    /// decides which tokens the union LCS of ROUGE-Lsum counts.
    /// </summary>
    public static void AddIndices(int[] reference, int[] candidate, SortedSet<int> indices)
    {
        int rows = reference.Length, cols = candidate.Length;
        if (rows == 0 || cols == 0)
        {
            return;
        }
        int width = cols + 1;
        var table = new int[(rows + 1) * width];
        for (int i = 1; i <= rows; i++)
        {
            for (int j = 1; j <= cols; j++)
            {
                table[i * width + j] = reference[i - 1] == candidate[j - 1]
                    ? table[(i - 1) * width + j - 1] + 1
                    : Math.Max(table[(i - 1) * width + j], table[i * width + j - 1]);
            }
        }
        int r = rows, c = cols;
        while (r > 0 && c > 0)
        {
            if (reference[r - 1] == candidate[c - 1])
            {
                indices.Add(r - 1);
                r--;
                c--;
            }
            else if (table[r * width + c - 1] > table[(r - 1) * width + c])
            {
                c--;
            }
            else
            {
                r--;
            }
        }
    }
}
