namespace Pipeline.Quotes;

/// <summary>
/// Best <see cref="ContentLabels"/> sequence of a paragraph under emission and transition scores (Viterbi), with an
/// inside label allowed only after its own begin or inside label. Five labels: a plain loop is as fast as any.
/// </summary>
internal static class ContentDecoder
{
    private const int L = ContentLabels.Count;
    private const long Forbidden = long.MinValue / 4;

    /// <param name="emissions"><see cref="ContentLabels.Count"/> scores per token.</param>
    /// <param name="transitions">Score of label after previous, <c>[previous × Count + label]</c>, previous
    /// <see cref="ContentLabels.Start"/> for the first token.</param>
    /// <param name="backPointers">At least <c>count × Count</c> bytes of scratch.</param>
    public static void Decode(ReadOnlySpan<int> emissions, ReadOnlySpan<int> transitions, int count, Span<byte> labels, Span<byte> backPointers)
    {
        if (count <= 0)
        {
            return;
        }
        Span<long> previous = stackalloc long[L];
        Span<long> current = stackalloc long[L];
        for (int l = 0; l < L; l++)
        {
            previous[l] = ContentLabels.Allowed(ContentLabels.Start, l) ? emissions[l] + transitions[ContentLabels.Start * L + l] : Forbidden;
        }
        for (int t = 1; t < count; t++)
        {
            for (int l = 0; l < L; l++)
            {
                long best = Forbidden;
                int from = 0;
                for (int p = 0; p < L; p++)
                {
                    if (previous[p] <= Forbidden || !ContentLabels.Allowed(p, l))
                    {
                        continue;
                    }
                    long score = previous[p] + transitions[p * L + l];
                    if (score > best)
                    {
                        best = score;
                        from = p;
                    }
                }
                current[l] = best <= Forbidden ? Forbidden : best + emissions[t * L + l];
                backPointers[t * L + l] = (byte)from;
            }
            current.CopyTo(previous);
        }
        int last = 0;
        for (int l = 1; l < L; l++)
        {
            if (previous[l] > previous[last])
            {
                last = l;
            }
        }
        labels[count - 1] = (byte)last;
        for (int t = count - 1; t > 0; t--)
        {
            last = backPointers[t * L + last];
            labels[t - 1] = (byte)last;
        }
    }
}
