namespace Pipeline.Evaluation.Summaries;

/// <summary>
/// The greedy ROUGE oracle that supervised extractive summarizers learn from (Nallapati et al. 2017; Liu and
/// Lapata 2019): add the sentence that most raises the mean of ROUGE-1 and ROUGE-2 F1 against the reference,
/// until none raises it or <c>k</c> are chosen.
/// </summary>
public static class GreedyOracle
{
    /// <summary>Indices into <paramref name="candidates"/> (where <paramref name="allowed"/>), in the order chosen.</summary>
    public static List<int> Select(int[] reference, IReadOnlyList<int[]> candidates, IReadOnlyList<bool> allowed, int k)
    {
        var refUni = Counts(reference, 1);
        var refBi = Counts(reference, 2);
        int refUniTotal = reference.Length, refBiTotal = Math.Max(0, reference.Length - 1);
        var chosen = new List<int>(k);
        var summary = new List<int>(128);
        double best = 0;
        while (chosen.Count < k)
        {
            int pick = -1;
            double pickScore = best;
            for (int i = 0; i < candidates.Count; i++)
            {
                if (!allowed[i] || chosen.Contains(i) || candidates[i].Length == 0)
                {
                    continue;
                }
                int before = summary.Count;
                summary.AddRange(candidates[i]);
                double score = Mean(summary, refUni, refBi, refUniTotal, refBiTotal);
                summary.RemoveRange(before, summary.Count - before);
                if (score > pickScore)
                {
                    pickScore = score;
                    pick = i;
                }
            }
            if (pick < 0)
            {
                break;
            }
            chosen.Add(pick);
            summary.AddRange(candidates[pick]);
            best = pickScore;
        }
        return chosen;
    }

    private static double Mean(List<int> summary, Dictionary<long, int> refUni, Dictionary<long, int> refBi, int refUniTotal, int refBiTotal)
    {
        int uniHits = Hits(summary, refUni, 1);
        int biHits = Hits(summary, refBi, 2);
        return (RougeScore.From(uniHits, summary.Count, refUniTotal).F1 + RougeScore.From(biHits, Math.Max(0, summary.Count - 1), refBiTotal).F1) / 2;
    }

    /// <summary>Clipped matches of the summary's n-grams (sentences are simply concatenated, as ROUGE-N does).</summary>
    private static int Hits(List<int> summary, Dictionary<long, int> reference, int n)
    {
        var used = new Dictionary<long, int>();
        int hits = 0;
        for (int i = 0; i + n <= summary.Count; i++)
        {
            long key = n == 1 ? summary[i] : ((long)summary[i] << 32) | (uint)summary[i + 1];
            if (reference.TryGetValue(key, out int available))
            {
                int u = used.GetValueOrDefault(key);
                if (u < available)
                {
                    used[key] = u + 1;
                    hits++;
                }
            }
        }
        return hits;
    }

    private static Dictionary<long, int> Counts(int[] tokens, int n)
    {
        var counts = new Dictionary<long, int>();
        for (int i = 0; i + n <= tokens.Length; i++)
        {
            long key = n == 1 ? tokens[i] : ((long)tokens[i] << 32) | (uint)tokens[i + 1];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
