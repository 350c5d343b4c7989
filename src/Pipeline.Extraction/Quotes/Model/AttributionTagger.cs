using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>An attribution found: content parts (token ranges), cue tokens, the source token (-1 for none), verbatim or reported.</summary>
internal sealed record FoundAttribution((int Start, int End)[] Parts, int CueStart, int CueEnd, int SourceToken, bool Verbatim);

/// <summary>
/// Runs a <see cref="QuoteModel"/> over a document: cues token by token, content by Viterbi over each paragraph that
/// holds a cue or quotation marks, each content span linked to the best-ranked cue (spans of one cue become one
/// attribution's parts), and each cue's source ranked among the words around it. The marked model reads text with
/// double quotation marks; the stripped model text without. Thread-safe: the model is read-only and each thread
/// keeps its own scratch. The stage methods are static so that training runs exactly the same code.
/// </summary>
/// <remarks>
/// One file per stage: <c>AttributionTagger.Cues.cs</c> (cue labelling), <c>.Content.cs</c> (content labelling, linking,
/// cues left empty), <c>.Bounds.cs</c> (where a content begins and ends), <c>.Sources.cs</c> (source, relays,
/// verbatim or reported), <c>.Signatures.cs</c> (quotations signed with a dash and a name, after the model) and
/// <c>.Scratch.cs</c> (a thread's buffers); this file runs them in order.
/// </remarks>
internal sealed partial class AttributionTagger(QuoteModel model)
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Appends the attributions of <paramref name="document"/> to <paramref name="output"/>, in text order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tag(TextDocument document, EntityExtraction entities, List<FoundAttribution> output)
    {
        if (document.Tokens.Length == 0)
        {
            return;
        }
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        try
        {
            var x = scratch.Text;
            x.Load(document, entities, QuotationMarks.Find(document));
            var m = x.HasDoubleMarks ? model.Marked : model.Stripped;
            // Text that lost its paragraph breaks is read in paragraphs of news size; the quotes keep the document's own.
            x.Reparagraph(NewsParagraphs.Split(x, m.Breaks, scratch.Keys));
            Run(m, scratch, output);
        }
        finally
        {
            t_scratch = scratch.Text.Capacity <= AttributionText.RetainLimit ? scratch : null;
        }
    }

    /// <summary>All the stages over a loaded <see cref="Scratch.Text"/>.</summary>
    internal static void Run(AttributionModel m, Scratch scratch, List<FoundAttribution> output)
    {
        var x = scratch.Text;
        int n = x.Count;
        int found = output.Count;
        scratch.Ensure(n, x.Document.Paragraphs.Length, x.Document.Sentences.Length);
        PredictCues(m, x, scratch);
        DropSetPhrases(x, scratch.CueLabels.AsSpan(0, n));
        scratch.Cues.Load(x, scratch.CueLabels.AsSpan(0, n));
        var spans = scratch.Spans;
        var owner = scratch.Owner.AsSpan(0, n);
        var linked = scratch.Linked;
        TagAndLink(m, x, scratch);
        DropEmptyCues(m, scratch);
        var completions = scratch.Completions;
        var parts = new List<(int Start, int End)>(2);
        var byCue = scratch.ByCue;
        byCue.Clear();
        scratch.SourceTokenScores.AsSpan(0, n).Fill(int.MinValue);
        var firstSpan = LinkedSpans(scratch, scratch.Cues.Spans.Count);
        for (int i = 0; i < spans.Count; i++)
        {
            if (linked[i] >= 0 && firstSpan[linked[i]] == i)
            {
                byCue.Add(linked[i]);
            }
        }
        var nextSpan = scratch.NextSpan;
        var cueSpans = scratch.CueSpans;
        var choices = scratch.Choices;
        foreach (int cue in byCue)
        {
            cueSpans.Clear();
            choices.Clear();
            for (int i = firstSpan[cue]; i >= 0; i = nextSpan[i])
            {
                cueSpans.Add(i);
            }
            // A further span goes with the cue's nearest one, makes an attribution of its own with the same cue, or goes,
            // as the part stage reads it (the model for text without marks has none: every span goes with the nearest).
            int main = cueSpans.Count > 1 && m.Part.Count > 0 ? PartFeatures.Nearest(scratch.Cues, spans, cue, CollectionsMarshal.AsSpan(cueSpans)) : -1;
            parts.Clear();
            foreach (int i in cueSpans)
            {
                var choice = i == main || main < 0 ? PartChoice.GoesWith : ChoosePart(m, x, scratch, cue, main, i);
                choices.Add(choice);
                if (choice == PartChoice.GoesWith)
                {
                    parts.Add((spans[i].Start, spans[i].End));
                }
            }
            AddAttribution(m, scratch, owner, cue, parts, output);
            for (int k = 0; k < cueSpans.Count; k++)
            {
                if (choices[k] == PartChoice.Separate)
                {
                    parts.Clear();
                    parts.Add((spans[cueSpans[k]].Start, spans[cueSpans[k]].End));
                    // Not grown by whole sentences: the extension stage reads a content beside its own cue, and grown from
                    // here a quote of its own ran on into the narration after it.
                    AddAttribution(m, scratch, owner, cue, parts, output, grow: false);
                }
            }
        }
        foreach (int start in completions)
        {
            int cue = scratch.Cues.FirstStartingFrom(start);
            if (cue >= scratch.Cues.Spans.Count || scratch.Cues.Spans[cue].Start != start || firstSpan[cue] >= 0
                || BareClause(x, scratch.Cues, owner, cue) is not { } clause)
            {
                continue;
            }
            output.Add(Attribution(m, scratch, owner, cue, [clause]));
        }
        AddSigned(x, output, found);
    }

    /// <summary>
    /// Cue <paramref name="cue"/>'s attribution of <paramref name="parts"/> into <paramref name="output"/>: the source's
    /// words kept out, a closing date kept in, whole sentences grown on when <paramref name="grow"/>; when only the source's words were taken, the
    /// clause before the comma instead (… 500 jobs, a spokeswoman for the central bank said.), or nothing.
    /// </summary>
    private static void AddAttribution(AttributionModel m, Scratch scratch, Span<int> owner, int cue, List<(int Start, int End)> parts, List<FoundAttribution> output, bool grow = true)
    {
        var x = scratch.Text;
        KeepSourceOut(x, scratch.Cues, owner, cue, parts);
        if (parts.Count == 0)
        {
            if (BareClause(x, scratch.Cues, owner, cue) is not { } clause)
            {
                return;
            }
            parts.Add(clause);
        }
        KeepDateIn(x, scratch.Cues, owner, cue, parts);
        if (grow)
        {
            Extend(m, x, scratch.Cues, owner, cue, parts, scratch.Keys);
        }
        output.Add(Attribution(m, scratch, owner, cue, parts.ToArray()));
    }

    /// <summary>What becomes of span <paramref name="part"/>, linked to cue <paramref name="cue"/> whose nearest span is <paramref name="main"/>.</summary>
    private static PartChoice ChoosePart(AttributionModel m, AttributionText x, Scratch scratch, int cue, int main, int part)
    {
        var best = PartChoice.GoesWith;
        int bestScore = int.MinValue;
        for (var choice = PartChoice.GoesWith; choice <= PartChoice.Drop; choice++)
        {
            PartFeatures.Emit(x, scratch.Cues, scratch.Spans, cue, main, part, choice, scratch.Keys);
            int score = m.Part.Score(scratch.Keys.Keys);
            if (score > bestScore)
            {
                bestScore = score;
                best = choice;
            }
        }
        return best;
    }

    /// <summary>Cue <paramref name="cue"/>'s attribution of <paramref name="parts"/>: its source chosen, a relay followed, verbatim or reported.</summary>
    private static FoundAttribution Attribution(AttributionModel m, Scratch scratch, Span<int> owner, int cue, (int Start, int End)[] parts)
    {
        var x = scratch.Text;
        int source = ChooseSource(m, x, scratch.Cues, owner, cue, scratch.Keys, scratch.SourceCandidates, scratch.SourceTokenScores.AsSpan(0, x.Count));
        var (cueStart, cueEnd) = scratch.Cues.Spans[cue];
        if (source < 0)
        {
            source = InvertedHead(x, cueStart, cueEnd, parts);
        }
        (cueStart, cueEnd, source) = Relayed(x, cueStart, cueEnd, source);
        return new FoundAttribution(parts, cueStart, cueEnd, source, IsVerbatim(m, x, parts, cueStart, cueEnd, scratch.Spans, scratch.Keys));
    }

    /// <summary>
    /// Per cue (of <paramref name="cues"/>), the first content span linked to it or -1, and in <see cref="Scratch.NextSpan"/>
    /// per span the next span of the same cue or -1: each cue's spans in text order without searching them all per cue.
    /// </summary>
    private static Span<int> LinkedSpans(Scratch scratch, int cues)
    {
        var linked = scratch.Linked;
        var first = scratch.FirstSpan.AsSpan(0, cues);
        var last = scratch.LastSpan.AsSpan(0, cues);
        var next = scratch.NextSpan.AsSpan(0, linked.Count);
        first.Fill(-1);
        next.Fill(-1);
        for (int i = 0; i < linked.Count; i++)
        {
            int cue = linked[i];
            if (cue < 0)
            {
                continue;
            }
            if (first[cue] < 0)
            {
                first[cue] = i;
            }
            else
            {
                next[last[cue]] = i;
            }
            last[cue] = i;
        }
        return first;
    }
}
