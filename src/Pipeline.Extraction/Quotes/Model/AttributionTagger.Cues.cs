using System.Runtime.InteropServices;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>The cue stage: both passes of cue labelling, and set phrases that attribute nothing.</summary>
internal sealed partial class AttributionTagger
{
    /// <summary>Tokens scored at a time: their keys' slots are loaded together (<see cref="LinearModel.Touch"/>), then probed.</summary>
    private const int Batch = 32;

    /// <summary>
    /// Both cue passes, as <see cref="PredictCues(HashIndex, LinearModel, AttributionText, ReadOnlySpan{byte}, FeatureKeys, byte[], int[])"/>
    /// gives them (into <see cref="Scratch.FirstPass"/>, then <see cref="Scratch.CueLabels"/> and <see cref="Scratch.CueMargins"/>),
    /// with the same scores added up in another order: the keys that do not read the previous label are hashed once
    /// and looked up once for both passes (<see cref="AttributionModel.Cues"/>), in batches of tokens, and only the
    /// previous label's keys are scored left to right.
    /// </summary>
    private static void PredictCues(AttributionModel m, AttributionText x, Scratch scratch)
    {
        const int L = CueFeatures.Labels;
        int n = x.Count;
        var candidateOf = scratch.CandidateOf.AsSpan(0, n);
        var candidates = scratch.Candidates;
        candidates.Clear();
        var tokenKeys = scratch.TokenKeys;
        tokenKeys.Clear();
        var tokenStarts = scratch.TokenStarts;
        tokenStarts.Clear();
        var tokenDense = scratch.TokenDense;
        tokenDense.Clear();
        tokenKeys.Dense = m.CueTokenDense;
        for (int t = 0; t < n; t++)
        {
            if (CueFeatures.MayBegin(x, m.CueWords, t))
            {
                candidateOf[t] = candidates.Count;
                candidates.Add(t);
                tokenStarts.Add(tokenKeys.Count);
                tokenKeys.ClearDense();
                CueFeatures.EmitToken(x, t, tokenKeys);
                tokenDense.AddRange(tokenKeys.DenseScores.AsSpan(0, 2 * L));
            }
            else
            {
                candidateOf[t] = -1;
            }
        }
        tokenKeys.Dense = null;
        int count = candidates.Count;
        tokenStarts.Add(tokenKeys.Count);
        scratch.EnsureCandidates(count);
        var starts = CollectionsMarshal.AsSpan(tokenStarts);
        // Per candidate, both passes' scores of its token keys: the dense ones, then the rest, one lookup a key.
        var scores = scratch.CandidateScores.AsSpan(0, count * 2 * L);
        CollectionsMarshal.AsSpan(tokenDense).CopyTo(scores);
        for (int from = 0; from < count; from += Batch)
        {
            int to = Math.Min(from + Batch, count);
            scratch.Sink ^= m.Cues.Touch(tokenKeys.Range(starts[from], starts[to]));
            for (int c = from; c < to; c++)
            {
                m.Cues.Add(tokenKeys.Range(starts[c], starts[c + 1]), scores.Slice(c * 2 * L, 2 * L));
            }
        }
        var firstPass = scratch.FirstPass.AsSpan(0, n);
        LabelCues(m.Cues, 0, x, [], candidateOf, scores, scratch.Keys, scratch.FirstPass, null);

        // The second pass's own keys, which read the first pass's labels, go onto its half of the scores (the first
        // pass's half is spent).
        var secondKeys = scratch.SecondKeys;
        secondKeys.Clear();
        var secondStarts = scratch.SecondStarts;
        secondStarts.Clear();
        secondKeys.Dense = m.CueSecondDense;
        for (int c = 0; c < count; c++)
        {
            secondStarts.Add(secondKeys.Count);
            secondKeys.ClearDense();
            CueFeatures.EmitSecondPass(x, candidates[c], firstPass, secondKeys);
            var own = scores.Slice(c * 2 * L + L, L);
            for (int l = 0; l < L; l++)
            {
                own[l] += secondKeys.DenseScores[L + l];
            }
        }
        secondKeys.Dense = null;
        secondStarts.Add(secondKeys.Count);
        var second = CollectionsMarshal.AsSpan(secondStarts);
        for (int from = 0; from < count; from += Batch)
        {
            int to = Math.Min(from + Batch, count);
            scratch.Sink ^= m.Cues.Touch(secondKeys.Range(second[from], second[to]));
            for (int c = from; c < to; c++)
            {
                m.Cues.Add(secondKeys.Range(second[c], second[c + 1]), scores.Slice(c * 2 * L, 2 * L));
            }
        }
        LabelCues(m.Cues, L, x, firstPass, candidateOf, scores, scratch.Keys, scratch.CueLabels, scratch.CueMargins);
    }

    /// <summary>
    /// The left-to-right labelling of <see cref="PredictCues(HashIndex, LinearModel, AttributionText, ReadOnlySpan{byte}, FeatureKeys, byte[], int[])"/>
    /// for one pass, whose labels start at <paramref name="pass"/> in <paramref name="cues"/>' rows: a candidate token's score is
    /// its <paramref name="candidateScores"/> (both passes', the first pass's labels first) plus its previous label's keys.
    /// </summary>
    private static void LabelCues(LinearModel cues, int pass, AttributionText x, ReadOnlySpan<byte> firstPass, ReadOnlySpan<int> candidateOf,
        ReadOnlySpan<int> candidateScores, FeatureKeys keys, byte[] labels, int[]? margins)
    {
        const int L = CueFeatures.Labels;
        Span<int> both = stackalloc int[2 * L];
        var scores = both.Slice(pass, L);
        int previous = CueFeatures.Outside;
        for (int t = 0; t < x.Count; t++)
        {
            if (t > 0 && x.SentenceOf[t] != x.SentenceOf[t - 1])
            {
                previous = CueFeatures.Outside;
            }
            int label = CueFeatures.Outside;
            int candidate = candidateOf[t];
            if (previous != CueFeatures.Outside || candidate >= 0)
            {
                if (candidate >= 0)
                {
                    keys.Clear();
                    CueFeatures.EmitLabel(x, t, previous, keys);
                    candidateScores.Slice(candidate * 2 * L, 2 * L).CopyTo(both);
                    cues.Add(keys.Keys, both);
                }
                else
                {
                    CueFeatures.Emit(x, t, previous, firstPass, keys);
                    cues.Score(keys.Keys, both);
                }
                label = Decide(scores, previous, t, margins);
            }
            labels[t] = (byte)label;
            previous = label;
        }
    }

    /// <summary>A scored token's cue label: Begin over Outside, Inside only after a cue; its margin of Begin over Outside into <paramref name="margins"/>.</summary>
    private static int Decide(ReadOnlySpan<int> scores, int previous, int t, int[]? margins)
    {
        int label = scores[CueFeatures.Begin] > scores[CueFeatures.Outside] ? CueFeatures.Begin : CueFeatures.Outside;
        if (margins is not null)
        {
            margins[t] = scores[CueFeatures.Begin] - scores[CueFeatures.Outside];
        }
        return previous != CueFeatures.Outside && scores[CueFeatures.Inside] > scores[label] ? CueFeatures.Inside : label;
    }

    /// <summary>Labels every token Outside, Begin or Inside of a cue, left to right: the first pass, or the second reading <paramref name="firstPass"/>.</summary>
    /// <param name="margins">When given, receives each cue's first token's margin of Begin over Outside.</param>
    internal static void PredictCues(HashIndex cueWords, LinearModel stage, AttributionText x, ReadOnlySpan<byte> firstPass, FeatureKeys keys, byte[] labels,
        int[]? margins = null)
    {
        Span<int> scores = stackalloc int[CueFeatures.Labels];
        int previous = CueFeatures.Outside;
        for (int t = 0; t < x.Count; t++)
        {
            if (t > 0 && x.SentenceOf[t] != x.SentenceOf[t - 1])
            {
                previous = CueFeatures.Outside;
            }
            int label = CueFeatures.Outside;
            if (previous != CueFeatures.Outside || CueFeatures.MayBegin(x, cueWords, t))
            {
                CueFeatures.Emit(x, t, previous, firstPass, keys);
                stage.Score(keys.Keys, scores);
                label = Decide(scores, previous, t, margins);
            }
            labels[t] = (byte)label;
            previous = label;
        }
    }

    /// <summary>Clears the cue labels inside a set phrase that attributes nothing (<see cref="QuoteLexicon.SetPhrases"/>: <c>That said, …</c>).</summary>
    private static void DropSetPhrases(AttributionText x, Span<byte> cueLabels)
    {
        var words = x.Lower.AsSpan(0, x.Count);
        foreach (var phrase in QuoteLexicon.SetPhrases)
        {
            for (int from = 0, at; (at = words[from..].IndexOf(phrase)) >= 0; from += at + phrase.Length)
            {
                cueLabels.Slice(from + at, phrase.Length).Clear();
            }
        }
    }
}
