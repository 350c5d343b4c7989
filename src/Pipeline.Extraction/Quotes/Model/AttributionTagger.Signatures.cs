using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// A quotation signed with a dash and its speaker's name: <c>"…" ― Sonya Herridge</c>, or a paragraph <c>- Bernie
/// Sanders.</c> after a paragraph that is a quotation. Reader responses, epigraphs and lists of quotes are laid out so;
/// PolNeAR's training articles hold too few of them (11 such cues in 840 articles) for the model to learn the layout,
/// and users of quote tools ask for it. One step after the model, for text with quotation marks only: without them a
/// credit line (<c>- Reuters</c>) would look the same.
/// </summary>
internal sealed partial class AttributionTagger
{
    /// <summary>Words after the name that still belong to a signature (<c>(@SpeakerRyan) July 5, 2016</c>, <c>, Philadelphia.</c>).</summary>
    private const int MaxSignatureTail = 12;

    /// <summary>
    /// Appends, as verbatim attributions, the signed quotations; the document's attributions found so far
    /// (<paramref name="output"/> from <paramref name="found"/> on) that hold some of their words go, unless their cue
    /// stands beside the words or the signature.
    /// </summary>
    private static void AddSigned(AttributionText x, List<FoundAttribution> output, int found)
    {
        if (!x.HasDoubleMarks)
        {
            return;
        }
        var document = x.Document;
        int taken = output.Count;
        for (int p = 0; p < document.Paragraphs.Length; p++)
        {
            int first = document.ParagraphTokenStarts[p];
            int end = p + 1 < document.Paragraphs.Length ? document.ParagraphTokenStarts[p + 1] : x.Count;
            for (int t = first; t < end; t++)
            {
                if (Signature(x, p, t, end) is not var (content, source))
                {
                    continue;
                }
                // A signature beside the words is surer than a cue elsewhere the model linked them to (the paragraph
                // before, which introduces a list of them); a cue beside the words or the signature keeps them. A
                // signature in a paragraph of its own only takes words nobody was given: it may also close a quotation
                // that goes on from a cue paragraphs before.
                int from = document.ParagraphTokenStarts[x.ParagraphOf(content.Start)];
                if (t == first ? Overlaps(output, found, taken, content) : !TakeOver(output, found, ref taken, content, from, end))
                {
                    continue;
                }
                output.Add(new FoundAttribution([content], t, t + 1, source, Verbatim: true));
            }
        }
    }

    /// <summary>
    /// When token <paramref name="t"/> of paragraph <paramref name="paragraph"/> is a dash that signs a quotation, the
    /// quotation's words and the last word of the name; else null. The name is a person's (a credit line names an agency), right after
    /// the dash, and only a short tail without lower-case words outside parentheses follows it to the paragraph's end.
    /// The quotation is the paragraph before the dash, opened by a mark and closed by one right before the dash, or the
    /// whole paragraph before one the dash opens.
    /// </summary>
    private static ((int Start, int End) Content, int Source)? Signature(AttributionText x, int paragraph, int t, int end)
    {
        if (x.Shape[t] != 0 || t + 1 >= end || x.Word(t) is not [var c] || !(CharClass.IsDash(c) || CharClass.IsHyphen(c)))
        {
            return null;
        }
        var entities = x.Entities;
        int m = entities.MentionAtToken(t + 1);
        if (m < 0 || entities.Mentions[m] is not { Type: EntityType.Person } mention || mention.FirstToken != t + 1
            || !IsSignatureTail(x, mention.EndToken, end))
        {
            return null;
        }
        var document = x.Document;
        int first = document.ParagraphTokenStarts[paragraph];
        (int Start, int End)? content = null;
        if (t > first)
        {
            if (x.Mark[first] == MarkState.Opening && x.Mark[t - 1] == MarkState.Closing)
            {
                content = (first + 1, t - 1);
            }
        }
        else if (paragraph > 0)
        {
            int before = document.ParagraphTokenStarts[paragraph - 1];
            int close = first - 1;
            while (close > before && x.Shape[close] == 0 && x.Mark[close] != MarkState.Closing)
            {
                close--;
            }
            if (x.Mark[before] == MarkState.Opening && x.Mark[close] == MarkState.Closing)
            {
                content = (before + 1, close);
            }
        }
        return content is { } words && words.End - words.Start >= 3 ? (words, mention.EndToken - 1) : null;
    }

    /// <summary>True when tokens <c>[from, end)</c> are few and hold no lower-case word outside parentheses.</summary>
    private static bool IsSignatureTail(AttributionText x, int from, int end)
    {
        if (end - from > MaxSignatureTail)
        {
            return false;
        }
        int depth = 0;
        for (int t = from; t < end; t++)
        {
            var word = x.Word(t);
            depth += word is "(" ? 1 : word is ")" ? -1 : 0;
            if (depth <= 0 && x.Shape[t] == 2)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Removes the attributions of <c>[from, to)</c> in <paramref name="output"/> whose parts overlap
    /// <paramref name="content"/>, unless one of them has its cue in tokens <c>[first, end)</c>: then nothing is removed
    /// and the result is false.
    /// </summary>
    private static bool TakeOver(List<FoundAttribution> output, int from, ref int to, (int Start, int End) content, int first, int end)
    {
        for (int i = from; i < to; i++)
        {
            if (Overlaps(output[i].Parts, content) && output[i].CueStart >= first && output[i].CueStart < end)
            {
                return false;
            }
        }
        for (int i = to - 1; i >= from; i--)
        {
            if (Overlaps(output[i].Parts, content))
            {
                output.RemoveAt(i);
                to--;
            }
        }
        return true;
    }

    /// <summary>True when a part of one of the attributions <c>[from, to)</c> overlaps <paramref name="content"/>.</summary>
    private static bool Overlaps(List<FoundAttribution> output, int from, int to, (int Start, int End) content)
    {
        for (int i = from; i < to; i++)
        {
            if (Overlaps(output[i].Parts, content))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Overlaps((int Start, int End)[] parts, (int Start, int End) content)
    {
        foreach (var (start, end) in parts)
        {
            if (start < content.End && content.Start < end)
            {
                return true;
            }
        }
        return false;
    }
}
