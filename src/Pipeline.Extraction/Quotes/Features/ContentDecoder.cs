using System.Runtime.CompilerServices;

namespace Pipeline.Quotes;

/// <summary>
/// Best <see cref="ContentLabels"/> sequence of a paragraph under emission and transition scores (Viterbi), each label
/// reached only from the labels <see cref="ContentLabels.Allowed"/> lets come before it.
/// </summary>
internal static class ContentDecoder
{
    private const int L = ContentLabels.Count;
    private const long Forbidden = long.MinValue / 4;

    /// <param name="emissions"><see cref="ContentLabels.Count"/> scores per token.</param>
    /// <param name="transitions">Score of label after previous, <c>[previous × Count + label]</c>, previous
    /// <see cref="ContentLabels.Start"/> for the first token.</param>
    /// <param name="backPointers">At least <c>count × Count</c> bytes of scratch.</param>
    /// <param name="lastLabels">Whether the model ends a content on its last label (<see cref="ContentLabels.Allowed"/>).</param>
    public static void Decode(ReadOnlySpan<int> emissions, ReadOnlySpan<int> transitions, int count, Span<byte> labels, Span<byte> backPointers, bool lastLabels)
    {
        if (count <= 0)
        {
            return;
        }
        int k = ContentLabels.CountFor(lastLabels);
        Span<long> previous = stackalloc long[L];
        Span<long> current = stackalloc long[L];
        previous.Fill(Forbidden);
        current.Fill(Forbidden);
        for (int l = 0; l < k; l++)
        {
            previous[l] = ContentLabels.Allowed(ContentLabels.Start, l, lastLabels) ? emissions[l] + transitions[ContentLabels.Start * L + l] : Forbidden;
        }
        // Unrolled per label over the labels that may come before it (ContentLabels.Allowed), in ascending order so that
        // the first best wins a tie. A label forbidden on the first token holds a score far below any real one, and every
        // label has a predecessor that is never forbidden (outside or its begin label), so no test is needed.
        const int O = ContentLabels.Outside, BV = ContentLabels.BeginVerbatim, IV = ContentLabels.InsideVerbatim,
            BR = ContentLabels.BeginReported, IR = ContentLabels.InsideReported, LV = ContentLabels.LastVerbatim, LR = ContentLabels.LastReported;
        for (int t = 1; t < count; t++)
        {
            var e = emissions.Slice(t * L, L);
            var back = backPointers.Slice(t * L, L);
            long p0 = previous[O], p1 = previous[BV], p2 = previous[IV], p3 = previous[BR], p4 = previous[IR], p5 = previous[LV], p6 = previous[LR];
            foreach (int l in (ReadOnlySpan<int>)[O, BV, BR])
            {
                long best = p0 + transitions[O * L + l];
                int from = O;
                Pick(ref best, ref from, p1 + transitions[BV * L + l], BV);
                if (!lastLabels)
                {
                    Pick(ref best, ref from, p2 + transitions[IV * L + l], IV);
                }
                Pick(ref best, ref from, p3 + transitions[BR * L + l], BR);
                if (lastLabels)
                {
                    Pick(ref best, ref from, p5 + transitions[LV * L + l], LV);
                    Pick(ref best, ref from, p6 + transitions[LR * L + l], LR);
                }
                else
                {
                    Pick(ref best, ref from, p4 + transitions[IR * L + l], IR);
                }
                current[l] = best + e[l];
                back[l] = (byte)from;
            }
            Continue(p1, p2, BV, IV, IV, transitions, e, current, back);
            Continue(p3, p4, BR, IR, IR, transitions, e, current, back);
            if (lastLabels)
            {
                Continue(p1, p2, BV, IV, LV, transitions, e, current, back);
                Continue(p3, p4, BR, IR, LR, transitions, e, current, back);
            }
            current.CopyTo(previous);
        }
        int last = 0;
        for (int l = 1; l < k; l++)
        {
            if (ContentLabels.MayEnd(l, lastLabels) && previous[l] > previous[last])
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pick(ref long best, ref int from, long score, int label)
    {
        if (score > best)
        {
            best = score;
            from = label;
        }
    }

    /// <summary>Label <paramref name="label"/> (inside or last), which follows only <paramref name="begin"/> or <paramref name="inside"/> of its kind.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Continue(long fromBegin, long fromInside, int begin, int inside, int label, ReadOnlySpan<int> transitions,
        ReadOnlySpan<int> e, Span<long> current, Span<byte> back)
    {
        long best = fromBegin + transitions[begin * L + label];
        int from = begin;
        Pick(ref best, ref from, fromInside + transitions[inside * L + label], inside);
        current[label] = best + e[label];
        back[label] = (byte)from;
    }
}
