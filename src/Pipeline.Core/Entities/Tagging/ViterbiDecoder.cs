namespace Pipeline.Entities.Tagging;

/// <summary>
/// Label-transition scores of one pass: previous label (or sentence start) × label, plus previous label × the current
/// token's capitalization × label. Stored combined per capitalization, with forbidden BILOU transitions set to a
/// large negative score, so the decoder's inner loop is one add and one compare.
/// </summary>
internal sealed class Transitions
{
    public const int Previous = DocumentFeatures.StartLabel + 1;
    public const int Caps = PerceptronTaggerModel.CapStates;
    public const int Forbidden = int.MinValue / 8;
    private const int L = BilouLabels.Count;

    /// <summary><c>[cap][previous][label]</c>: transition score, or <see cref="Forbidden"/>.</summary>
    public readonly int[] Combined = new int[Caps * Previous * L];

    /// <summary>Fills the table from <paramref name="weight"/>(row, label); rows -1 are absent features.</summary>
    public void Load(int[] previousRows, int[] previousCapRows, Func<int, int, int> weight)
    {
        for (int c = 0; c < Caps; c++)
        {
            for (int p = 0; p < Previous; p++)
            {
                // The sentence start allows what may follow O.
                var allowed = BilouLabels.AllowedAfter(p == DocumentFeatures.StartLabel ? BilouLabels.Outside : p);
                int capRow = previousCapRows[p * Caps + c];
                for (int l = 0; l < L; l++)
                {
                    Combined[(c * Previous + p) * L + l] = !allowed[l] ? Forbidden
                        : (previousRows[p] < 0 ? 0 : weight(previousRows[p], l)) + (capRow < 0 ? 0 : weight(capRow, l));
                }
            }
        }
    }

    /// <summary>Scores of every label after <paramref name="previous"/> for a token capitalized as <paramref name="cap"/>.</summary>
    public ReadOnlySpan<int> From(int previous, CapState cap) => Combined.AsSpan(((int)cap * Previous + previous) * L, L);
}

/// <summary>
/// Best BILOU sequence of a sentence under emission and transition scores, with the BILOU constraints as hard limits
/// (a sentence cannot start inside an entity or end with one open). Exact search avoids the greedy trap of an
/// early wrong B that forces the rest of an entity.
/// </summary>
internal static class ViterbiDecoder
{
    private const int L = BilouLabels.Count;

    /// <summary>
    /// Decodes <paramref name="count"/> tokens. <paramref name="emissions"/> holds L scores per token;
    /// <paramref name="backPointers"/> needs <c>count × L</c> bytes.
    /// </summary>
    public static void Decode(ReadOnlySpan<int> emissions, ReadOnlySpan<CapState> caps, int count, Transitions transitions,
        Span<byte> labels, Span<byte> backPointers)
    {
        Span<int> previous = stackalloc int[L];
        Span<int> best = stackalloc int[L];
        Span<byte> from = stackalloc byte[L];
        var start = transitions.From(DocumentFeatures.StartLabel, caps[0]);
        for (int l = 0; l < L; l++)
        {
            previous[l] = emissions[l] + start[l];
        }
        Normalize(previous);
        for (int t = 1; t < count; t++)
        {
            best.Fill(int.MinValue);
            var cap = caps[t];
            for (int p = 0; p < L; p++)
            {
                int score = previous[p];
                if (score <= Transitions.Forbidden)
                {
                    continue;
                }
                var row = transitions.From(p, cap);
                for (int l = 0; l < L; l++)
                {
                    int candidate = score + row[l];
                    if (candidate > best[l])
                    {
                        best[l] = candidate;
                        from[l] = (byte)p;
                    }
                }
            }
            var emission = emissions.Slice(t * L, L);
            for (int l = 0; l < L; l++)
            {
                previous[l] = best[l] + emission[l];
            }
            from.CopyTo(backPointers.Slice(t * L, L));
            Normalize(previous);
        }

        int last = 0;
        int lastScore = int.MinValue;
        for (int l = 0; l < L; l++)
        {
            if (!BilouLabels.IsOpen(l) && previous[l] > lastScore)
            {
                lastScore = previous[l];
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

    /// <summary>
    /// Shifts scores so the best is 0: only differences matter, and this keeps long sentences from overflowing.
    /// Forbidden paths stay at or below <see cref="Transitions.Forbidden"/>.
    /// </summary>
    private static void Normalize(Span<int> scores)
    {
        int max = int.MinValue;
        foreach (int s in scores)
        {
            max = Math.Max(max, s);
        }
        for (int l = 0; l < scores.Length; l++)
        {
            scores[l] = Math.Max(scores[l] - max, Transitions.Forbidden);
        }
    }
}
