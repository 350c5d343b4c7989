using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;
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
internal sealed class AttributionTagger(QuoteModel model)
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
            Run(x.HasDoubleMarks ? model.Marked : model.Stripped, scratch, output);
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
        scratch.Ensure(n, x.Document.Paragraphs.Length, x.Document.Sentences.Length);
        PredictCues(m, x, scratch);
        DropSetPhrases(x, scratch.CueLabels.AsSpan(0, n));
        scratch.Cues.Load(x, scratch.CueLabels.AsSpan(0, n));
        var spans = scratch.Spans;
        var owner = scratch.Owner.AsSpan(0, n);
        var linked = scratch.Linked;
        TagAndLink(m, x, scratch);
        // A cue no content is linked to is no attribution (every attribution has content). Attributions do not nest:
        // when such a cue trails, after a comma and its subject, content another cue of its sentence took (… has
        // emphasized that X, Sullivan said.), it is the outer attribution and the other cue goes; when it follows such
        // content without a comma, the surer cue stays; a cue that closes its sentence after a comma and its subject,
        // with nothing of the clause before it taken (The talks collapsed on Friday, Smith said.), is kept and that clause
        // is its content (below); otherwise the empty cue goes. Then tag once more.
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
        var parts = new List<(int Start, int End)>(2);
        var byCue = scratch.ByCue;
        byCue.Clear();
        scratch.SourceTokenScores.AsSpan(0, n).Fill(int.MinValue);
        firstSpan = LinkedSpans(scratch, scratch.Cues.Spans.Count);
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
            int main = cueSpans.Count > 1 && m.Part.Rows.Count > 0 ? PartFeatures.Nearest(scratch.Cues, spans, cue, CollectionsMarshal.AsSpan(cueSpans)) : -1;
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

    /// <summary>
    /// The clause before the comma of cue <paramref name="cue"/> when the cue trails it bare (<see cref="IsBareTrailing"/>),
    /// its words then given to the cue; else null.
    /// </summary>
    private static (int Start, int End)? BareClause(AttributionText x, CueContext cues, Span<int> owner, int cue)
    {
        int start = cues.Spans[cue].Start;
        if (start == 0 || RivalToken(x, start) is not (var beforeComma, true) || !IsBareTrailing(x, cues, owner, cue, beforeComma + 1))
        {
            return null;
        }
        int first = x.Document.Sentences[x.SentenceOf[start]].FirstToken;
        owner.Slice(first, beforeComma + 1 - first).Fill(cue);
        return (first, beforeComma + 1);
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
    /// True when cue <paramref name="cue"/> closes its sentence (at most <see cref="MaxTrailingWords"/> words after it, no
    /// other cue, no question mark at the end) after a comma at <paramref name="comma"/> and its subject (not opened by a
    /// joining word: <c>…, which were announced</c> and <c>…, but speeches are</c> are clauses of their own), and the
    /// clause before the comma is at least three words that neither a cue nor another attribution's content has taken:
    /// the clause is what was said.
    /// </summary>
    private static bool IsBareTrailing(AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int cue, int comma)
    {
        var (cueStart, cueEnd) = cues.Spans[cue];
        var sentence = x.Document.Sentences[x.SentenceOf[cueStart]];
        if (comma - sentence.FirstToken < 3 || cueStart - comma < 2 || sentence.EndToken - cueEnd > MaxTrailingWords
            || x.Word(sentence.EndToken - 1) is "?")
        {
            return false;
        }
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if ((t < comma && owner[t] >= 0) || (cues.InCue[t] != 0 && (t < cueStart || t >= cueEnd))
                || (t == comma + 1 && (QuoteLexicon.Of(x.Lower[t]) & WordClass.Joins) != 0))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Words a closing attribution may have after its cue (<c>told reporters in Paris on Saturday.</c>).</summary>
    private const int MaxTrailingWords = 8;

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

    /// <summary>
    /// The token a trailing cue's rival content would end on: before the cue's subject and the comma (<c>X, Sullivan said</c>,
    /// <c>X, a spokeswoman for the central bank said</c>), and whether there is such a comma; else the token before the cue.
    /// The subject is at most <see cref="MaxSubjectWords"/> words with no other punctuation than a closing mark.
    /// </summary>
    private static (int Token, bool AfterComma) RivalToken(AttributionText x, int cueStart)
    {
        int first = x.Document.Sentences[x.SentenceOf[cueStart]].FirstToken;
        for (int t = cueStart - 1; t > first && t >= cueStart - 1 - MaxSubjectWords; t--)
        {
            if (x.Word(t) is ",")
            {
                return (t - 1, true);
            }
            if (x.Shape[t] == 0 && x.Mark[t] != MarkState.Closing)
            {
                break;
            }
        }
        return (cueStart - 1, false);
    }

    /// <summary>Words a trailing attribution's subject may have between its comma and its cue.</summary>
    private const int MaxSubjectWords = 8;

    /// <summary>
    /// The words where a cue's source stands are not its content: between the comma and a cue that trails its content
    /// (<c>… until the spring, a spokeswoman for the central bank said.</c>), and after a relay or a cue that follows its
    /// content's comma, up to the next punctuation (<c>…, according to a person familiar with the matter.</c>, <c>…, said
    /// the head of the agency.</c>): PolNeAR's training annotations almost never put content there. Parts there are cut
    /// away and their words freed.
    /// </summary>
    private static void KeepSourceOut(AttributionText x, CueContext cues, Span<int> owner, int cue, List<(int Start, int End)> parts)
    {
        var (cueStart, cueEnd) = cues.Spans[cue];
        int from, to;
        if (InvertedSubject(x, cueStart, cueEnd, parts[0].Start) is var subjectEnd && subjectEnd > cueEnd)
        {
            (from, to) = (cueEnd, subjectEnd);
        }
        else if ((QuoteLexicon.Of(x.Lower[cueStart]) & WordClass.Relay) != 0)
        {
            from = cueEnd;
            to = from;
            int end = x.Document.Sentences[x.SentenceOf[cueStart]].EndToken;
            while (to < end && x.Shape[to] != 0)
            {
                to++;
            }
        }
        else if (RivalToken(x, cueStart) is (var beforeComma, true) && (parts[0].Start <= beforeComma || parts[^1].End <= cueStart))
        {
            (from, to) = (beforeComma + 1, cueStart);
        }
        else
        {
            return;
        }
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            var (start, end) = parts[i];
            int cutStart = Math.Max(start, from), cutEnd = Math.Min(end, to);
            if (cutStart >= cutEnd)
            {
                continue;
            }
            for (int t = cutStart; t < cutEnd; t++)
            {
                if (owner[t] == cue)
                {
                    owner[t] = -1;
                }
            }
            parts.RemoveAt(i);
            if (end > to)
            {
                parts.Insert(i, (to, end));
            }
            if (start < from)
            {
                parts.Insert(i, (start, from));
            }
        }
    }

    /// <summary>
    /// The date that closes the clause a cue trails (<c>The ferry will run again on Monday, officials said.</c>) is part of
    /// what was said: when the content, all of it in the cue's sentence before the comma, stops at most
    /// <see cref="MaxDateGap"/> words short of the comma, and those words hold a date and nothing but words (no cue, no
    /// other content), the content runs on to the comma. Not when the words after the comma open a clause or a phrase
    /// of their own (<c>…, when the young man said</c>, <c>…, with the coach tweeting</c>). PolNeAR's training
    /// articles almost never have a date there (<c>he said Friday</c> is their form), so the model learned only that a
    /// weekday next to a cue is no content.
    /// </summary>
    private static void KeepDateIn(AttributionText x, CueContext cues, Span<int> owner, int cue, List<(int Start, int End)> parts)
    {
        int cueStart = cues.Spans[cue].Start;
        if (cueStart == 0 || RivalToken(x, cueStart) is not (var beforeComma, true) || parts[^1].End > beforeComma
            || x.SentenceOf[parts[^1].Start] != x.SentenceOf[cueStart] || beforeComma + 1 - parts[^1].End > MaxDateGap
            || (QuoteLexicon.Of(x.Lower[beforeComma + 2]) & (WordClass.Joins | WordClass.Attaches)) != 0)
        {
            return;
        }
        var (start, end) = parts[^1];
        bool date = false;
        for (int t = end; t <= beforeComma; t++)
        {
            if (x.Shape[t] == 0 || owner[t] >= 0 || cues.InCue[t] != 0)
            {
                return;
            }
            date |= (x.Entity[t] & 7) == (int)EntityType.Date + 1;
        }
        if (date)
        {
            owner.Slice(end, beforeComma + 1 - end).Fill(cue);
            parts[^1] = (start, beforeComma + 1);
        }
    }

    /// <summary>Words between a trailing cue's content and its comma that <see cref="KeepDateIn"/> gives the content.</summary>
    private const int MaxDateGap = 4;

    /// <summary>
    /// Where the subject of a verb of saying that follows its content's comma or closing mark ends (<c>…, said the head
    /// of the agency.</c>, <c>…, said Olympic champion, Nicole Cooke.</c>, <c>…," said Smith, who…</c>): at most
    /// <see cref="MaxSubjectWords"/> words up to the sentence's end, or else up to the last comma before a joining word
    /// or other punctuation; <paramref name="cueEnd"/> when there is no such subject, or when a verb comes first (<c>…,
    /// said the five would try</c> and <c>…" said her son, Marcell Johnson, 20, was</c> are content).
    /// </summary>
    private static int InvertedSubject(AttributionText x, int cueStart, int cueEnd, int contentStart)
    {
        if (cueStart == 0 || contentStart >= cueStart || (x.Class[cueStart] & QuoteLexicon.Verb) == 0
            || (x.Word(cueStart - 1) is not "," && x.Mark[cueStart - 1] != MarkState.Closing))
        {
            return cueEnd;
        }
        int end = x.Document.Sentences[x.SentenceOf[cueStart]].EndToken;
        int comma = cueEnd;
        for (int t = cueEnd; t < end && t - cueEnd <= MaxSubjectWords; t++)
        {
            if (t == end - 1 && x.Shape[t] == 0)
            {
                return t;
            }
            if (x.Word(t) is "," && t > cueEnd)
            {
                comma = t;
                continue;
            }
            var wordClass = QuoteLexicon.Of(x.Lower[t]);
            if ((wordClass & (QuoteLexicon.Verb | WordClass.Present | WordClass.PastTense | WordClass.Modal)) != 0)
            {
                return cueEnd;
            }
            if (x.Shape[t] == 0 || (wordClass & WordClass.Joins) != 0)
            {
                return comma;
            }
        }
        return comma;
    }

    /// <summary>
    /// When the ranker chose no source for a verb of saying right after a quotation's closing mark (<c>…career," said
    /// the 29-year-old.</c>; not <c>…," Arrow, now retired, told CNN.</c>, where the words after the verb are its
    /// listener), the subject after it is the source: its last word before a comma or a preposition; else -1.
    /// </summary>
    private static int InvertedHead(AttributionText x, int cueStart, int cueEnd, (int Start, int End)[] parts)
    {
        if (cueStart < 2 || x.Mark[cueStart - 1] != MarkState.Closing && (x.Word(cueStart - 1) is not "," || x.Mark[cueStart - 2] != MarkState.Closing))
        {
            return -1;
        }
        int subjectEnd = InvertedSubject(x, cueStart, cueEnd, parts[0].Start);
        int head = -1;
        for (int t = cueEnd; t < subjectEnd && x.Shape[t] != 0 && (QuoteLexicon.Of(x.Lower[t]) & WordClass.Attaches) == 0; t++)
        {
            head = t;
        }
        return head;
    }

    /// <summary>
    /// The speaker behind a relay (<c>…, Netanyahu said, according to the Prime Minister's Office</c>): the words are the
    /// speaker's and the office only passed them on. PolNeAR credits the relay, so the model learned to; the query
    /// "every quote by Netanyahu" wants the speaker. When the relay cue follows a comma, a verb of saying and its subject
    /// (a name or a pronoun), the attribution is that verb's and that subject's.
    /// </summary>
    private static (int CueStart, int CueEnd, int Source) Relayed(AttributionText x, int cueStart, int cueEnd, int source)
    {
        int verb = cueStart - 2;
        if ((QuoteLexicon.Of(x.Lower[cueStart]) & WordClass.Relay) == 0 || verb < 1 || x.Word(cueStart - 1) is not ","
            || (x.Class[verb] & WordClass.SpeechVerb) == 0 || x.SentenceOf[verb - 1] != x.SentenceOf[cueStart])
        {
            return (cueStart, cueEnd, source);
        }
        int subject = verb - 1;
        return x.NamesSpeaker(subject) ? (verb, verb + 1, subject) : (cueStart, cueEnd, source);
    }

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

    /// <summary>Tokens scored at a time: their keys' slots are loaded together (<see cref="LinearModel.Touch"/>), then probed.</summary>
    private const int Batch = 32;

    /// <summary>
    /// Both cue passes, as <see cref="PredictCues(HashIndex, LinearModel, AttributionText, ReadOnlySpan{byte}, FeatureKeys, byte[], int[])"/>
    /// gives them (into <see cref="Scratch.FirstPass"/>, then <see cref="Scratch.CueLabels"/> and <see cref="Scratch.CueMargins"/>),
    /// with the same scores added up in another order: the keys that do not read the previous label are hashed once
    /// for both passes and scored in batches of tokens, and only the previous label's keys are scored left to right.
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
        var dense = CollectionsMarshal.AsSpan(tokenDense);
        scratch.EnsureCandidates(count);
        var starts = CollectionsMarshal.AsSpan(tokenStarts);
        var scores = scratch.CandidateScores.AsSpan(0, count * L);
        for (int from = 0; from < count; from += Batch)
        {
            int to = Math.Min(from + Batch, count);
            scratch.Sink ^= m.Cue.Touch(tokenKeys.Range(starts[from], starts[to]));
            for (int c = from; c < to; c++)
            {
                var own = scores.Slice(c * L, L);
                dense.Slice(c * 2 * L, L).CopyTo(own);
                m.Cue.Add(tokenKeys.Range(starts[c], starts[c + 1]), own);
            }
        }
        var firstPass = scratch.FirstPass.AsSpan(0, n);
        LabelCues(m.Cue, x, [], candidateOf, scores, scratch.Keys, scratch.FirstPass, null);

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
            // The second pass's dense weights: the shared token keys' and its own.
            var own = dense.Slice(c * 2 * L + L, L);
            for (int l = 0; l < L; l++)
            {
                own[l] += secondKeys.DenseScores[l];
            }
        }
        secondKeys.Dense = null;
        secondStarts.Add(secondKeys.Count);
        var second = CollectionsMarshal.AsSpan(secondStarts);
        for (int from = 0; from < count; from += Batch)
        {
            int to = Math.Min(from + Batch, count);
            scratch.Sink ^= m.CueSecond.Touch(tokenKeys.Range(starts[from], starts[to]));
            scratch.Sink ^= m.CueSecond.Touch(secondKeys.Range(second[from], second[to]));
            for (int c = from; c < to; c++)
            {
                var own = scores.Slice(c * L, L);
                dense.Slice(c * 2 * L + L, L).CopyTo(own);
                m.CueSecond.Add(tokenKeys.Range(starts[c], starts[c + 1]), own);
                m.CueSecond.Add(secondKeys.Range(second[c], second[c + 1]), own);
            }
        }
        LabelCues(m.CueSecond, x, firstPass, candidateOf, scores, scratch.Keys, scratch.CueLabels, scratch.CueMargins);
    }

    /// <summary>
    /// The left-to-right labelling of <see cref="PredictCues(HashIndex, LinearModel, AttributionText, ReadOnlySpan{byte}, FeatureKeys, byte[], int[])"/>,
    /// a candidate token's score being its <paramref name="candidateScores"/> plus its previous label's keys.
    /// </summary>
    private static void LabelCues(LinearModel stage, AttributionText x, ReadOnlySpan<byte> firstPass, ReadOnlySpan<int> candidateOf, ReadOnlySpan<int> candidateScores,
        FeatureKeys keys, byte[] labels, int[]? margins)
    {
        const int L = CueFeatures.Labels;
        Span<int> scores = stackalloc int[L];
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
                    candidateScores.Slice(candidate * L, L).CopyTo(scores);
                    stage.Add(keys.Keys, scores);
                }
                else
                {
                    CueFeatures.Emit(x, t, previous, firstPass, keys);
                    stage.Score(keys.Keys, scores);
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

    /// <summary>The best-ranked source token of cue <paramref name="cue"/>, or -1 for none.</summary>
    /// <param name="tokenScores">Per token, the score of its own keys once known (<see cref="SourceFeatures.Score"/>); <see cref="int.MinValue"/> before.</param>
    internal static int ChooseSource(AttributionModel m, AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int cue, FeatureKeys keys, List<SourceCandidate> candidates,
        Span<int> tokenScores)
    {
        SourceFeatures.Candidates(x, cues, owner, cue, candidates);
        SourceFeatures.EmitNothing(x, cues, cue, candidates.Count, keys);
        int best = -1, bestScore = m.Source.Score(keys.Keys);
        int cueStart = cues.Spans[cue].Start;
        Span<int> cueWord = stackalloc int[4];
        SourceFeatures.CueWordWeights(m.SourceWeights, x, cueStart, cueWord);
        foreach (var candidate in candidates)
        {
            int score = SourceFeatures.Score(m.SourceWeights, x, owner, cue, cueStart, candidate, cueWord, tokenScores);
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate.Token;
            }
        }
        return best;
    }

    /// <summary>Grows the content of cue <paramref name="cue"/> by whole free sentences before and after it while the model says they go on with it.</summary>
    internal static void Extend(AttributionModel m, AttributionText x, CueContext cues, Span<int> owner, int cue, List<(int Start, int End)> parts, FeatureKeys keys)
    {
        var sentences = x.Document.Sentences;
        int cueStart = cues.Spans[cue].Start;
        int core = x.SentenceOf[cueStart];
        int paragraph = sentences[core].Paragraph;
        ExtensionFeatures.EmitStop(keys);
        int stop = m.Extension.Score(keys.Keys);
        int first = x.SentenceOf[parts[0].Start];
        if (parts[0].Start <= sentences[first].FirstToken + 1)
        {
            for (int s = first - 1; s > first - 1 - ExtensionFeatures.MaxSentences && ExtensionFeatures.IsFree(x, cues, owner, s, paragraph); s--)
            {
                ExtensionFeatures.Emit(x, s, core, cueStart, backward: true, keys);
                if (m.Extension.Score(keys.Keys) <= stop)
                {
                    break;
                }
                owner.Slice(sentences[s].FirstToken, sentences[s].TokenCount).Fill(cue);
                parts[0] = (sentences[s].FirstToken, parts[0].End);
            }
        }
        int last = x.SentenceOf[parts[^1].End - 1];
        if (parts[^1].End >= sentences[last].EndToken - 1)
        {
            for (int s = last + 1; s < last + 1 + ExtensionFeatures.MaxSentences && ExtensionFeatures.IsFree(x, cues, owner, s, paragraph); s++)
            {
                ExtensionFeatures.Emit(x, s, core, cueStart, backward: false, keys);
                if (m.Extension.Score(keys.Keys) <= stop)
                {
                    break;
                }
                owner.Slice(sentences[s].FirstToken, sentences[s].TokenCount).Fill(cue);
                parts[^1] = (parts[^1].Start, sentences[s].EndToken);
            }
        }
    }

    /// <summary>True when the model reads the content as the speaker's own words rather than reported speech.</summary>
    internal static bool IsVerbatim(AttributionModel m, AttributionText x, ReadOnlySpan<(int Start, int End)> parts, int cueStart, int cueEnd, List<ContentSpan> spans, FeatureKeys keys)
    {
        VerbatimFeatures.EmitReported(keys);
        int reported = m.Verbatim.Score(keys.Keys);
        VerbatimFeatures.Emit(x, parts, cueStart, cueEnd, spans, keys);
        return m.Verbatim.Score(keys.Keys) > reported;
    }

    /// <summary>One thread's working memory.</summary>
    internal sealed class Scratch
    {
        public readonly AttributionText Text = new();
        public readonly CueContext Cues = new();
        public readonly FeatureKeys Keys = new();
        public readonly List<ContentSpan> Spans = [];
        public readonly List<ContentSpan> KeptSpans = [];
        public bool[] Retag = [];
        public readonly List<int> Linked = [];

        /// <summary>The spans linked to one cue, in text order.</summary>
        public readonly List<int> CueSpans = [];

        /// <summary>What becomes of each of <see cref="CueSpans"/>.</summary>
        public readonly List<PartChoice> Choices = [];
        public readonly List<int> ByCue = [];

        /// <summary>Cues (by first token) that close their sentence with nothing linked: the clause before them becomes their content.</summary>
        public readonly List<int> Completions = [];
        public readonly List<int> CueCandidates = [];
        public readonly List<SourceCandidate> SourceCandidates = [];
        public byte[] CueLabels = [];
        public byte[] FirstPass = [];
        public int[] CueMargins = [];
        public int[] Owner = [];
        public byte[] ContentLabels = [];
        public byte[] BackPointers = [];

        /// <summary>The keys of many tokens one after another (a paragraph's content, or the cue candidates'), and where each token's start.</summary>
        public readonly FeatureKeys TokenKeys = new();
        public readonly List<int> TokenStarts = [];

        /// <summary>The second cue pass's own keys of each candidate, and where each candidate's start.</summary>
        public readonly FeatureKeys SecondKeys = new();
        public readonly List<int> SecondStarts = [];

        /// <summary>Tokens that may begin a cue, in text order; per token its index among them or -1; their scores before the previous label's keys.</summary>
        public readonly List<int> Candidates = [];
        public int[] CandidateOf = [];
        public int[] CandidateScores = [];

        /// <summary>Per candidate, the dense weights of its token keys (<see cref="AttributionModel.CueTokenDense"/>): the first pass's labels, then the second's.</summary>
        public readonly List<int> TokenDense = [];

        /// <summary>Per token, its content emissions (<see cref="ContentLabels.Count"/> scores), kept for tagging again.</summary>
        public int[] TokenEmissions = [];

        public readonly ContentCueRows ContentCueRows = new();

        /// <summary>Per token, whether its content features change when the dropped cues go (<see cref="MarkAffected"/>).</summary>
        public bool[] Affected = [];

        /// <summary>Per cue, whether it was dropped for having no content; per sentence, whether it held a dropped cue.</summary>
        public bool[] Dropped = [];
        public bool[] DroppedSentence = [];

        /// <summary>The paragraph's tokens whose emissions are computed in this tagging.</summary>
        public readonly List<int> Computed = [];

        /// <summary>Per cue, its first and last linked content span; per span, the next of the same cue (<see cref="LinkedSpans"/>).</summary>
        public int[] FirstSpan = [];
        public int[] LastSpan = [];
        public int[] NextSpan = [];

        /// <summary>Per token, the source stage's score of its own keys, once computed.</summary>
        public int[] SourceTokenScores = [];

        /// <summary>Where <see cref="LinearModel.Touch"/>'s reads go, so they are not optimized away.</summary>
        public ulong Sink;

        public void EnsureCandidates(int candidates)
        {
            if (CandidateScores.Length < candidates * CueFeatures.Labels)
            {
                CandidateScores = new int[Math.Max(candidates * CueFeatures.Labels, CandidateScores.Length * 2)];
            }
        }

        public void Ensure(int tokens, int paragraphs, int sentences)
        {
            if (DroppedSentence.Length < sentences)
            {
                DroppedSentence = new bool[Math.Max(sentences, DroppedSentence.Length * 2)];
            }
            if (Retag.Length < paragraphs)
            {
                Retag = new bool[Math.Max(paragraphs, Retag.Length * 2)];
            }
            if (CueLabels.Length < tokens)
            {
                CueLabels = new byte[Math.Max(tokens, CueLabels.Length * 2)];
                FirstPass = new byte[CueLabels.Length];
                CueMargins = new int[CueLabels.Length];
                Owner = new int[CueLabels.Length];
                CandidateOf = new int[CueLabels.Length];
                SourceTokenScores = new int[CueLabels.Length];
                Affected = new bool[CueLabels.Length];
                Dropped = new bool[CueLabels.Length];
                FirstSpan = new int[CueLabels.Length];
                LastSpan = new int[CueLabels.Length];
                NextSpan = new int[CueLabels.Length];
            }
        }

        public void EnsureParagraph(int tokens)
        {
            if (ContentLabels.Length < tokens)
            {
                int size = Math.Max(tokens, ContentLabels.Length * 2);
                ContentLabels = new byte[size];
                BackPointers = new byte[size * Quotes.ContentLabels.Count];
            }
        }
    }
}
