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
        // Inside labels follow only their own begin or inside label; the others follow any. Outside and the begin
        // labels are never forbidden, an inside label only on the first token, and a forbidden score (far below any
        // real one) never wins: so the same first best previous label is found with fewer tests.
        for (int t = 1; t < count; t++)
        {
            var e = emissions.Slice(t * L, L);
            var back = backPointers.Slice(t * L, L);
            long p0 = previous[0], p1 = previous[1], p2 = previous[2], p3 = previous[3], p4 = previous[4];
            for (int l = 0; l < L; l++)
            {
                long best;
                int from;
                if (l == ContentLabels.InsideVerbatim || l == ContentLabels.InsideReported)
                {
                    int begin = l - 1;
                    long fromBegin = (begin == ContentLabels.BeginVerbatim ? p1 : p3) + transitions[begin * L + l];
                    long fromInside = (l == ContentLabels.InsideVerbatim ? p2 : p4) + transitions[l * L + l];
                    if (fromInside > fromBegin && (l == ContentLabels.InsideVerbatim ? p2 : p4) > Forbidden)
                    {
                        best = fromInside;
                        from = l;
                    }
                    else
                    {
                        best = fromBegin;
                        from = begin;
                    }
                }
                else
                {
                    best = p0 + transitions[l];
                    from = 0;
                    long score = p1 + transitions[L + l];
                    if (score > best)
                    {
                        best = score;
                        from = 1;
                    }
                    score = p2 + transitions[2 * L + l];
                    if (p2 > Forbidden && score > best)
                    {
                        best = score;
                        from = 2;
                    }
                    score = p3 + transitions[3 * L + l];
                    if (score > best)
                    {
                        best = score;
                        from = 3;
                    }
                    score = p4 + transitions[4 * L + l];
                    if (p4 > Forbidden && score > best)
                    {
                        best = score;
                        from = 4;
                    }
                }
                current[l] = best + e[l];
                back[l] = (byte)from;
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
