namespace Pipeline.Summaries;

/// <summary>A bag of term ids as sorted unique ids with counts, for cosine similarity by merging.</summary>
internal readonly struct SparseVector
{
    private SparseVector(int[] ids, float[] counts, double normSquared)
    {
        Ids = ids;
        Counts = counts;
        NormSquared = normSquared;
    }

    public int[] Ids { get; }

    public float[] Counts { get; }

    public double NormSquared { get; }

    /// <summary>
    /// The bag of <paramref name="terms"/>, which are document-local ids below <paramref name="scratch"/>'s length;
    /// <paramref name="scratch"/> must be all zeros, and is left so.
    /// </summary>
    public static SparseVector From(int[] terms, int[] scratch)
    {
        if (terms.Length == 0)
        {
            return new SparseVector([], [], 0);
        }
        int unique = 0;
        foreach (int id in terms)
        {
            if (scratch[id]++ == 0)
            {
                unique++;
            }
        }
        var ids = new int[unique];
        var counts = new float[unique];
        int at = 0;
        foreach (int id in terms)
        {
            int count = scratch[id];
            if (count > 0)
            {
                ids[at] = id;
                counts[at++] = count;
                scratch[id] = 0;
            }
        }
        Array.Sort(ids, counts);
        double norm = 0;
        foreach (float c in counts)
        {
            norm += c * c;
        }
        return new SparseVector(ids, counts, norm);
    }

    public static double Cosine(in SparseVector a, in SparseVector b)
    {
        if (a.NormSquared == 0 || b.NormSquared == 0)
        {
            return 0;
        }
        double dot = 0;
        int i = 0, j = 0;
        var ai = a.Ids;
        var bi = b.Ids;
        while (i < ai.Length && j < bi.Length)
        {
            int x = ai[i], y = bi[j];
            if (x == y)
            {
                dot += a.Counts[i] * b.Counts[j];
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return dot / Math.Sqrt(a.NormSquared * b.NormSquared);
    }

    /// <summary>Shared ids over the smaller bag's size: 1 when one sentence's words are all in the other.</summary>
    public static double Containment(in SparseVector a, in SparseVector b)
    {
        int smaller = Math.Min(a.Ids.Length, b.Ids.Length);
        if (smaller == 0)
        {
            return 0;
        }
        int shared = 0, i = 0, j = 0;
        while (i < a.Ids.Length && j < b.Ids.Length)
        {
            int x = a.Ids[i], y = b.Ids[j];
            if (x == y)
            {
                shared++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return (double)shared / smaller;
    }
}
