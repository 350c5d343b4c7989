using System.Runtime.InteropServices;

namespace Pipeline.Quotes;

/// <summary>The content stage: content labelled by paragraph, each span linked to its cue, and cues left with no content dropped before tagging again.</summary>
internal sealed partial class AttributionTagger
{
    /// <summary>Content spans of the loaded cues, each linked to its cue (-1 for none) in <see cref="Scratch.Linked"/>, and the owner of every token.</summary>
    private static void TagAndLink(AttributionModel m, AttributionText x, Scratch scratch, bool[]? retag = null)
    {
        var spans = scratch.Spans;
        PredictContent(m, x, scratch.Cues, scratch, spans, retag);
        var owner = scratch.Owner.AsSpan(0, x.Count);
        owner.Fill(-1);
        var linked = scratch.Linked;
        linked.Clear();
        for (int i = 0; i < spans.Count; i++)
        {
            int cue = Link(m.Link, x, scratch.Cues, spans, i, scratch.Keys, scratch.CueCandidates);
            linked.Add(cue);
            if (cue >= 0)
            {
                owner.Slice(spans[i].Start, spans[i].End - spans[i].Start).Fill(cue);
            }
        }
    }

    /// <summary>
    /// A cue no content is linked to is no attribution (every attribution has content). Attributions do not nest:
    /// when such a cue trails, after a comma and its subject, content another cue of its sentence took (… has
    /// emphasized that X, Sullivan said.), it is the outer attribution and the other cue goes; when it follows such
    /// content without a comma, the surer cue stays; a cue that closes its sentence after a comma and its subject,
    /// with nothing of the clause before it taken (The talks collapsed on Friday, Smith said.), is kept and that clause
    /// is its content (below); otherwise the empty cue goes. Then tag once more.
    /// </summary>
    private static void DropEmptyCues(AttributionModel m, Scratch scratch)
    {
        var x = scratch.Text;
        int n = x.Count;
        var owner = scratch.Owner.AsSpan(0, n);
        bool orphans = false;
        var completions = scratch.Completions;
        completions.Clear();
        var retag = scratch.Retag.AsSpan(0, x.Document.Paragraphs.Length);
        retag.Clear();
        var cues = scratch.Cues.Spans;
        var firstSpan = LinkedSpans(scratch, cues.Count);
        var dropped = scratch.Dropped.AsSpan(0, cues.Count);
        dropped.Clear();
        for (int c = 0; c < cues.Count; c++)
        {
            if (firstSpan[c] >= 0)
            {
                continue;
            }
            int drop = c;
            var (rivalToken, trails) = cues[c].Start > 0 ? RivalToken(x, cues[c].Start) : (0, false);
            int rival = cues[c].Start > 0 ? owner[rivalToken] : -1;
            if (rival >= 0 && rival != c && x.SentenceOf[cues[rival].Start] == x.SentenceOf[cues[c].Start]
                && (trails || scratch.CueMargins[cues[c].Start] > scratch.CueMargins[cues[rival].Start]))
            {
                drop = rival;
            }
            else if (trails && rival < 0 && IsBareTrailing(x, scratch.Cues, owner, c, rivalToken + 1))
            {
                completions.Add(cues[c].Start);
                continue;
            }
            scratch.CueLabels.AsSpan(cues[drop].Start, cues[drop].End - cues[drop].Start).Clear();
            retag[x.ParagraphOf(cues[drop].Start)] = true;
            dropped[drop] = true;
            orphans = true;
        }
        if (orphans)
        {
            // Content features see only their own paragraph's cues: tag again only where a cue went, and there compute
            // again only the tokens whose features read a cue that went.
            MarkAffected(x, scratch, dropped);
            scratch.Cues.Load(x, scratch.CueLabels.AsSpan(0, n));
            TagAndLink(m, x, scratch, scratch.Retag);
        }
    }

    /// <summary>
    /// Marks in <see cref="Scratch.Affected"/> the tokens of the paragraphs to tag again whose content features change when
    /// the <paramref name="dropped"/> cues go (<see cref="ContentFeatures.Append"/> reads the nearest cue on either side,
    /// the token's own cue, and the cue counts of its sentence and the one before): the others keep their emissions.
    /// </summary>
    private static void MarkAffected(AttributionText x, Scratch scratch, ReadOnlySpan<bool> dropped)
    {
        var cues = scratch.Cues;
        int n = x.Count;
        var sentences = scratch.DroppedSentence.AsSpan(0, x.Document.Sentences.Length);
        sentences.Clear();
        for (int c = 0; c < dropped.Length; c++)
        {
            if (dropped[c])
            {
                sentences[x.SentenceOf[cues.Spans[c].Start]] = true;
            }
        }
        var affected = scratch.Affected.AsSpan(0, n);
        for (int t = 0; t < n; t++)
        {
            int s = x.SentenceOf[t];
            int left = cues.Left[t], right = cues.Right[t];
            affected[t] = left >= 0 && dropped[left] || right >= 0 && dropped[right] || cues.InCue[t] != 0
                          || sentences[s] || s > 0 && sentences[s - 1];
        }
    }

    /// <summary>Labels the content of every paragraph the cues or marks make worth tagging and collects its spans.</summary>
    /// <param name="retag">When given, only these paragraphs are tagged again; the others keep their spans in <paramref name="spans"/>.</param>
    internal static void PredictContent(AttributionModel m, AttributionText x, CueContext cues, Scratch scratch, List<ContentSpan> spans, bool[]? retag = null)
    {
        var kept = scratch.KeptSpans;
        kept.Clear();
        if (retag is not null)
        {
            kept.AddRange(spans);
        }
        spans.Clear();
        var document = x.Document;
        const int L = ContentLabels.Count;
        if (scratch.TokenEmissions.Length < x.Count * L)
        {
            scratch.TokenEmissions = new int[Math.Max(x.Count * L, scratch.TokenEmissions.Length * 2)];
        }
        scratch.ContentCueRows.Reset(m.Content, cues);
        int keptIndex = 0;
        for (int p = 0; p < document.Paragraphs.Length; p++)
        {
            while (keptIndex < kept.Count && x.ParagraphOf(kept[keptIndex].Start) < p)
            {
                keptIndex++;
            }
            if (retag is not null && !retag[p])
            {
                while (keptIndex < kept.Count && x.ParagraphOf(kept[keptIndex].Start) == p)
                {
                    spans.Add(kept[keptIndex++]);
                }
                continue;
            }
            if (!cues.Tagged[p])
            {
                continue;
            }
            int first = document.ParagraphTokenStarts[p];
            int end = p + 1 < document.Paragraphs.Length ? document.ParagraphTokenStarts[p + 1] : x.Count;
            int count = end - first;
            if (count <= 0)
            {
                continue;
            }
            scratch.EnsureParagraph(count);
            // Emissions stay per token for the document, so that tagging again recomputes only the affected tokens.
            var emissions = scratch.TokenEmissions.AsSpan(first * L, count * L);
            var keys = scratch.TokenKeys;
            keys.Clear();
            var starts = scratch.TokenStarts;
            starts.Clear();
            var computed = scratch.Computed;
            computed.Clear();
            keys.Dense = m.ContentDense;
            for (int k = 0; k < count; k++)
            {
                if (retag is not null && !scratch.Affected[first + k])
                {
                    continue;
                }
                computed.Add(k);
                starts.Add(keys.Count);
                keys.ClearDense();
                ContentFeatures.Append(x, cues, first + k, keys, scratch.ContentCueRows);
                keys.DenseScores.AsSpan(0, L).CopyTo(emissions.Slice(k * L, L));
            }
            keys.Dense = null;
            starts.Add(keys.Count);
            var at = CollectionsMarshal.AsSpan(starts);
            var tokens = CollectionsMarshal.AsSpan(computed);
            for (int from = 0; from < tokens.Length; from += Batch)
            {
                int to = Math.Min(from + Batch, tokens.Length);
                scratch.Sink ^= m.Content.Touch(keys.Range(at[from], at[to]));
                for (int i = from; i < to; i++)
                {
                    m.Content.Add(keys.Range(at[i], at[i + 1]), emissions.Slice(tokens[i] * L, L));
                }
            }
            var labels = scratch.ContentLabels.AsSpan(0, count);
            ContentDecoder.Decode(emissions, m.Transitions, count, labels, scratch.BackPointers, m.LastLabels);
            CollectSpans(labels, first, spans);
        }
    }

    /// <summary>Turns a paragraph's content labels into spans.</summary>
    internal static void CollectSpans(ReadOnlySpan<byte> labels, int first, List<ContentSpan> spans)
    {
        for (int k = 0; k < labels.Length; k++)
        {
            if (labels[k] == ContentLabels.Outside)
            {
                continue;
            }
            int start = k;
            bool verbatim = ContentLabels.IsVerbatim(labels[k]);
            k++;
            while (k < labels.Length && ContentLabels.Continues(labels[k]))
            {
                bool last = labels[k] is ContentLabels.LastVerbatim or ContentLabels.LastReported;
                k++;
                if (last)
                {
                    break;
                }
            }
            spans.Add(new ContentSpan(first + start, first + k, verbatim));
            k--;
        }
    }

    /// <summary>The best-ranked cue for span <paramref name="spanIndex"/>, or -1 when it has no candidate.</summary>
    internal static int Link(LinearModel link, AttributionText x, CueContext cues, List<ContentSpan> spans, int spanIndex, FeatureKeys keys, List<int> candidates)
    {
        LinkFeatures.Candidates(x, cues, spans[spanIndex], candidates);
        int best = -1, bestScore = int.MinValue;
        foreach (int cue in candidates)
        {
            LinkFeatures.Emit(x, cues, spans, spanIndex, cue, keys);
            int score = link.Score(keys.Keys);
            if (score > bestScore)
            {
                bestScore = score;
                best = cue;
            }
        }
        return best;
    }
}
