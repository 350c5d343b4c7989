using Pipeline.Entities;

namespace Pipeline.Quotes;

/// <summary>Where an attribution's content begins and ends: the bare clause before a trailing cue, the source's words kept out, a closing date kept in, whole sentences grown on.</summary>
internal sealed partial class AttributionTagger
{
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
}
