using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// early wrong B that forces the rest of an entity. The 17 labels are scored in two 8-lane vectors and one scalar;
/// ties go to the lowest previous label, as in a plain loop over previous labels.
/// </summary>
internal static class ViterbiDecoder
{
    private const int L = BilouLabels.Count;
    private const int Last = L - 1;

    /// <summary>
    /// Decodes <paramref name="count"/> tokens. <paramref name="emissions"/> holds L scores per token;
    /// <paramref name="backPointers"/> needs <c>count × L</c> bytes.
    /// </summary>
    public static void Decode(ReadOnlySpan<int> emissions, ReadOnlySpan<CapState> caps, int count, Transitions transitions,
        Span<byte> labels, Span<byte> backPointers) => Decode(emissions, L, caps, count, transitions, labels, backPointers);

    /// <summary>As above, with token t's L scores at <c>t × <paramref name="stride"/></c> in <paramref name="emissions"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<int> emissions, int stride, ReadOnlySpan<CapState> caps, int count, Transitions transitions,
        Span<byte> labels, Span<byte> backPointers)
    {
        if (count <= 0)
        {
            return;
        }
        if (emissions.Length < (count - 1) * stride + L || caps.Length < count || labels.Length < count || backPointers.Length < count * L
            || stride < L)
        {
            throw new ArgumentException("The buffers are too short for the sentence.");
        }
        Span<int> previous = stackalloc int[L];
        Span<int> from = stackalloc int[L];
        var start = transitions.From(DocumentFeatures.StartLabel, caps[0]);
        for (int l = 0; l < L; l++)
        {
            previous[l] = emissions[l] + start[l];
        }
        Normalize(previous);
        ref int combined = ref MemoryMarshal.GetArrayDataReference(transitions.Combined);
        ref int emission0 = ref MemoryMarshal.GetReference(emissions);
        for (int t = 1; t < count; t++)
        {
            ref int table = ref Unsafe.Add(ref combined, (int)caps[t] * Transitions.Previous * L);
            var bestA = Vector256.Create(int.MinValue);
            var bestB = bestA;
            int best16 = int.MinValue;
            var fromA = Vector256<int>.Zero;
            var fromB = fromA;
            int from16 = from[Last];
            for (int p = 0; p < L; p++)
            {
                int score = previous[p];
                if (score <= Transitions.Forbidden)
                {
                    continue;
                }
                ref int row = ref Unsafe.Add(ref table, p * L);
                var s = Vector256.Create(score);
                var p8 = Vector256.Create(p);
                var candidateA = s + Vector256.LoadUnsafe(ref row);
                var candidateB = s + Vector256.LoadUnsafe(ref row, 8);
                var betterA = Vector256.GreaterThan(candidateA, bestA);
                var betterB = Vector256.GreaterThan(candidateB, bestB);
                bestA = Vector256.ConditionalSelect(betterA, candidateA, bestA);
                bestB = Vector256.ConditionalSelect(betterB, candidateB, bestB);
                fromA = Vector256.ConditionalSelect(betterA, p8, fromA);
                fromB = Vector256.ConditionalSelect(betterB, p8, fromB);
                int candidate16 = score + Unsafe.Add(ref row, Last);
                if (candidate16 > best16)
                {
                    best16 = candidate16;
                    from16 = p;
                }
            }
            // A label no live previous label reached keeps its back-pointer, as the scalar search did.
            var reachedA = Vector256.GreaterThan(bestA, Vector256.Create(int.MinValue));
            var reachedB = Vector256.GreaterThan(bestB, Vector256.Create(int.MinValue));
            ref int fromRef = ref MemoryMarshal.GetReference(from);
            Vector256.ConditionalSelect(reachedA, fromA, Vector256.LoadUnsafe(ref fromRef)).StoreUnsafe(ref fromRef);
            Vector256.ConditionalSelect(reachedB, fromB, Vector256.LoadUnsafe(ref fromRef, 8)).StoreUnsafe(ref fromRef, 8);
            from[Last] = from16;

            ref int emission = ref Unsafe.Add(ref emission0, t * stride);
            ref int previousRef = ref MemoryMarshal.GetReference(previous);
            (bestA + Vector256.LoadUnsafe(ref emission)).StoreUnsafe(ref previousRef);
            (bestB + Vector256.LoadUnsafe(ref emission, 8)).StoreUnsafe(ref previousRef, 8);
            previous[Last] = best16 + Unsafe.Add(ref emission, Last);
            var pointers = backPointers.Slice(t * L, L);
            for (int l = 0; l < L; l++)
            {
                pointers[l] = (byte)from[l];
            }
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize(Span<int> scores)
    {
        ref int s = ref MemoryMarshal.GetReference(scores);
        var a = Vector256.LoadUnsafe(ref s);
        var b = Vector256.LoadUnsafe(ref s, 8);
        int max = Math.Max(HorizontalMax(Vector256.Max(a, b)), Unsafe.Add(ref s, Last));
        var shift = Vector256.Create(max);
        var floor = Vector256.Create(Transitions.Forbidden);
        Vector256.Max(a - shift, floor).StoreUnsafe(ref s);
        Vector256.Max(b - shift, floor).StoreUnsafe(ref s, 8);
        Unsafe.Add(ref s, Last) = Math.Max(Unsafe.Add(ref s, Last) - max, Transitions.Forbidden);
    }

    /// <summary>Largest of the eight lanes of <paramref name="v"/>.</summary>
    private static int HorizontalMax(Vector256<int> v)
    {
        var m = Vector128.Max(v.GetLower(), v.GetUpper());
        return Math.Max(Math.Max(m.GetElement(0), m.GetElement(1)), Math.Max(m.GetElement(2), m.GetElement(3)));
    }
}
